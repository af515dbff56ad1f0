package io.cairn.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app's {@code cairn_bearer_tokens_total} counters (cairn-token-cache), read from its Prometheus endpoint. */
public final class TokenVerifications {

    private TokenVerifications() {
    }

    /** Reads {@code path} three times with one new token: its signature is checked once, then it is remembered. */
    public static void assertCheckedOnceThenRemembered(String role, String path) {
        String token = Tokens.expiringIn(role, Duration.ofMinutes(5));
        double checked = checked();
        double remembered = remembered();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }

        assertEquals(checked + 1, checked(), "tokens checked");
        assertEquals(remembered + 2, remembered(), "tokens remembered");
    }

    /** Tokens whose signature quarkus-oidc checked. */
    private static double checked() {
        return count("checked");
    }

    /** Tokens answered from what an earlier check remembered. */
    private static double remembered() {
        return count("remembered");
    }

    private static double count(String verification) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^cairn_bearer_tokens_total\\{[^}]*verification=\"" + verification
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
