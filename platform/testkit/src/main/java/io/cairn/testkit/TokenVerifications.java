package io.cairn.testkit;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app's {@code cairn_bearer_tokens_total} counters (cairn-token-cache), read from its Prometheus endpoint. */
public final class TokenVerifications {

    private TokenVerifications() {
    }

    /** Tokens whose signature quarkus-oidc checked. */
    public static double checked() {
        return count("checked");
    }

    /** Tokens answered from what an earlier check remembered. */
    public static double remembered() {
        return count("remembered");
    }

    private static double count(String verification) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^cairn_bearer_tokens_total\\{[^}]*verification=\"" + verification
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
