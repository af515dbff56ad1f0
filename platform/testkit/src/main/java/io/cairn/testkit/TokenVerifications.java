package io.cairn.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an app's token cache (cairn-token-cache) must show: a token checked once, then remembered, and never past its
 * expiry. The counts come from the app's {@code cairn_bearer_tokens_total} counters on its Prometheus endpoint.
 */
public final class TokenVerifications {

    private TokenVerifications() {
    }

    /** The counters at one moment. */
    private record Counts(double checked, double remembered) {
    }

    /** Reads {@code path} three times with one new token: its signature is checked once, then it is remembered. */
    public static void assertCheckedOnceThenRemembered(String role, String path) {
        String token = Tokens.expiringIn(role, Duration.ofMinutes(5));
        Counts before = counts();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }

        Counts after = counts();
        assertEquals(before.checked() + 1, after.checked(), "tokens checked");
        assertEquals(before.remembered() + 2, after.remembered(), "tokens remembered");
    }

    /** A token accepted at {@code path} (and so remembered) is refused once it expires, within 20 s. */
    public static void assertRefusedOnceExpired(String role, String path) {
        String token = Tokens.expiringIn(role, Duration.ofSeconds(2));
        given().auth().oauth2(token).get(path).then().statusCode(200);
        // Asked a few times a second, not as fast as possible: a caller's reads are rate-limited too (a 429 first).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get(path).then().extract().statusCode() != 200);
        assertEquals(401, given().auth().oauth2(token).get(path).then().extract().statusCode());
    }

    private static Counts counts() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new Counts(count(metrics, "checked"), count(metrics, "remembered"));
    }

    private static double count(String metrics, String verification) {
        Matcher line = Pattern.compile("^cairn_bearer_tokens_total\\{[^}]*verification=\"" + verification
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
