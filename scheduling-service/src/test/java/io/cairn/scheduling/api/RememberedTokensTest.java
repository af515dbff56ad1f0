package io.cairn.scheduling.api;

import static io.restassured.RestAssured.given;

import io.cairn.contracts.Roles;
import io.cairn.testkit.TokenVerifications;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A service verifies a bearer token's signature once and remembers it until it expires (cairn-token-cache), so a
 * client's next requests skip the RSA check; what it remembers never outlives the token or admits another one.
 */
@QuarkusTest
class RememberedTokensTest {

    @Test
    void aTokenIsVerifiedOnceThenRemembered() {
        TokenVerifications.assertCheckedOnceThenRemembered(Roles.SCHEDULER, "/api/v1/tracks");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        TokenVerifications.assertRefusedOnceExpired(Roles.SCHEDULER, "/api/v1/tracks");
    }

    @Test
    void theClaimsOfARememberedTokenUnderAnotherSignatureAreRefused() {
        String token = Tokens.expiringIn(Roles.SCHEDULER, Duration.ofMinutes(5));
        given().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(200);
        String claims = token.substring(0, token.lastIndexOf('.') + 1);
        String strangersSignature = Tokens.signedByStranger(Roles.SCHEDULER);
        String forged = claims + strangersSignature.substring(strangersSignature.lastIndexOf('.') + 1);

        given().auth().oauth2(forged).get("/api/v1/tracks").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(200);
    }
}
