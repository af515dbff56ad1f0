package io.cairn.kit.problem;

import static io.cairn.kit.problem.ProblemMappersTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Tokens are verified for real (signature, issuer, audience, expiry) and failures are problem+json. */
@QuarkusTest
class BearerTokenTest {

    @Test
    void theRightRoleIsLetIn() {
        get(Tokens.forRole(Roles.CLINICIAN), "/test/clinical").statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        problem(given().when().get("/test/clinical").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void anExpiredTokenIs401() {
        problem(get(Tokens.expired(Roles.CLINICIAN), "/test/clinical"), 401, "unauthorized");
    }

    @Test
    void aTokenSignedByAStrangerIs401() {
        problem(get(Tokens.signedByStranger(Roles.CLINICIAN), "/test/clinical"), 401, "unauthorized");
    }

    @Test
    void aTokenForAnotherApiIs401() {
        problem(get(Tokens.forOtherAudience(Roles.CLINICIAN), "/test/clinical"), 401, "unauthorized");
    }

    @Test
    void garbageIs401() {
        problem(get("not-a-jwt", "/test/clinical"), 401, "unauthorized");
    }

    @Test
    void theWrongRoleIs403() {
        problem(get(Tokens.forRole(Roles.SCHEDULER), "/test/clinical"), 403, "forbidden");
    }

    @Test
    void anEndpointThatForgotItsRolesIsClosed() {
        problem(get(Tokens.forRole(Roles.PROGRAM_DIRECTOR), "/test/unannotated"), 403, "forbidden");
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }
}
