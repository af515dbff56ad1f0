package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cairn.contracts.Roles;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcResource.class)
class GatewayBootTest {

    @Test
    void isLiveAndReadyWithoutAToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void refusesTheApiWithoutAToken() {
        given().when().get("/api/v1/patients").then().statusCode(401);
        given().when().get("/fhir/r4/Patient").then().statusCode(401);
    }

    @Test
    void refusesExpiredForeignAndStrangeTokens() {
        for (String token : new String[] { Tokens.expired(Roles.CLINICIAN), Tokens.forOtherAudience(Roles.CLINICIAN),
                Tokens.signedByStranger(Roles.CLINICIAN) }) {
            given().auth().oauth2(token).when().get("/api/v1/patients").then().statusCode(401);
        }
    }
}
