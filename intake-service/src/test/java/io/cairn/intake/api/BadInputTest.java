package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.patientJson;
import static io.cairn.intake.api.Intake.registerPatient;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is a 400 problem+json naming what was wrong, and nothing is written. */
@QuarkusTest
class BadInputTest {

    @Inject
    EntityManager entities;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"givenName\": \"Dana\", |",
            "wrong type|{\"givenName\":\"Dana\",\"familyName\":\"X\",\"birthDate\":19880412,\"sex\":\"female\",\"ageGroup\":\"adult\"}|birthDate",
            "missing required field|{\"familyName\":\"X\",\"birthDate\":\"1988-04-12\",\"sex\":\"female\",\"ageGroup\":\"adult\"}|givenName",
            "unknown enum value|{\"givenName\":\"D\",\"familyName\":\"X\",\"birthDate\":\"1988-04-12\",\"sex\":\"female\",\"ageGroup\":\"senior\"}|ageGroup",
            "unknown field|{\"givenName\":\"D\",\"familyName\":\"X\",\"birthDate\":\"1988-04-12\",\"sex\":\"female\",\"ageGroup\":\"adult\",\"ssn\":\"123\"}|ssn",
            "birth date in the future|{\"givenName\":\"D\",\"familyName\":\"X\",\"birthDate\":\"2999-01-01\",\"sex\":\"female\",\"ageGroup\":\"adult\"}|birthDate",
            "bad email|{\"givenName\":\"D\",\"familyName\":\"X\",\"birthDate\":\"1988-04-12\",\"sex\":\"female\",\"ageGroup\":\"adult\",\"email\":\"not-an-email\"}|email" })
    void aBadPatientIs400AndWritesNothing(String problem, String body, String field) {
        long before = patients();

        var response = as(COORDINATOR).body(body).post("/patients").then().statusCode(400)
                .contentType("application/problem+json");
        if (field != null) {
            response.body("violations.field", hasItem(field));
        }

        assertEquals(before, patients(), problem);
    }

    @Test
    void anOversizedStringIs400NamingTheField() {
        long before = patients();
        String body = patientJson("X".repeat(101), "MRN-" + UUID.randomUUID());

        as(COORDINATOR).body(body).post("/patients").then().statusCode(400)
                .body("violations[0].field", equalTo("familyName"))
                .body("violations[0].message", equalTo("size must be between 0 and 100"));
        assertEquals(before, patients());
    }

    @Test
    void aHugeBodyIs413() {
        String body = patientJson("Reyes", "MRN-" + UUID.randomUUID()).replace("12 Elm St", "x".repeat(2_000_000));

        as(COORDINATOR).body(body).post("/patients").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aReferralWithABadUrgencyOrMissingReasonWritesNothing() {
        UUID patient = registerPatient();
        long before = count("select count(*) from referral");

        as(COORDINATOR).body("""
                {"patientId":"%s","source":"self","reason":"","urgency":"whenever"}""".formatted(patient))
                .post("/referrals").then().statusCode(400).body("violations.field", hasItem("urgency"));
        as(COORDINATOR).body("""
                {"patientId":"%s","source":"self","reason":"","urgency":"routine"}""".formatted(patient))
                .post("/referrals").then().statusCode(400).body("violations.field", hasItem("reason"));
        assertEquals(before, count("select count(*) from referral"));
    }

    @Test
    void aBadQueryParameterIs400NamingIt() {
        as(COORDINATOR).queryParam("patientId", "not-a-uuid").get("/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("patientId"));
        as(COORDINATOR).queryParam("status", "pending").get("/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as(COORDINATOR).queryParam("size", 1000).get("/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void aConsentThatEndsBeforeItStartsIs400() {
        UUID patient = registerPatient();
        as(COORDINATOR).body("""
                {"patientId":"%s","recipient":"ehr-x","purpose":"treatment","recordCategories":["demographics"],
                 "effectiveFrom":"2030-01-10","expiresOn":"2030-01-01"}""".formatted(patient)).post("/consents")
                .then().statusCode(400).body("violations[0].field", equalTo("expiresOn"));
        as(COORDINATOR).body("""
                {"patientId":"%s","recipient":"ehr-x","purpose":"treatment","recordCategories":[]}"""
                .formatted(patient)).post("/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("recordCategories"));
    }

    private long patients() {
        return count("select count(*) from patient");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entities.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
