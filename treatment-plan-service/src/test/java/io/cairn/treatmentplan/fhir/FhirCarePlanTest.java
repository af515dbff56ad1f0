package io.cairn.treatmentplan.fhir;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An EHR follows its patient's treatment plan as a FHIR CarePlan, only while a consent for plans names it. */
@QuarkusTest
class FhirCarePlanTest {

    @Inject
    EntityManager entities;

    @Test
    void anEhrReadsThePlanAsACarePlanWhileAConsentForPlansNamesIt() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);

        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/CarePlan/" + plan).then().statusCode(404)
                .contentType(FHIR_JSON).body("issue[0].code", equalTo("not-found")).extract().asString());

        consentToEhr(patient, RecordCategory.TREATMENT_PLANS);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/CarePlan/" + plan).statusCode() == 200);

        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/CarePlan/" + plan).then().statusCode(200)
                .contentType(FHIR_JSON)
                .body("resourceType", equalTo("CarePlan"))
                .body("status", equalTo("active")).body("intent", equalTo("plan"))
                .body("subject.reference", equalTo("Patient/" + patient))
                .body("meta.security.code", hasItem("ETH"))
                .body("period.start", notNullValue())
                .body("addresses.display", hasItem(startsWith("Alcohol use")))
                .body("activity.detail.code.text", hasItem("Motivational interviewing"))
                .body("activity.detail.status", hasItem("in-progress"))
                .extract().asString());
        FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patient).get("/CarePlan")
                .then().statusCode(200).body("total", equalTo(1)).body("entry[0].resource.id", equalTo(plan))
                .extract().asString());
    }

    @Test
    void eachGoalOfThePlanIsAGoalTheCarePlanReferences() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        List<String> goals = io.restassured.path.json.JsonPath.from(fhir(CLINICIAN).get("/CarePlan/" + plan)
                .then().statusCode(200).extract().asString()).getList("goal.reference");
        assertEquals(2, goals.size());

        FhirValidation.assertValid(fhir(CLINICIAN).get("/" + goals.get(0)).then().statusCode(200)
                .contentType(FHIR_JSON)
                .body("lifecycleStatus", equalTo("active"))
                .body("description.text", equalTo("Stop drinking and build a life in recovery"))
                .body("subject.reference", equalTo("Patient/" + patient))
                .body("target", hasSize(3)).body("target[0].dueDate", notNullValue())
                .extract().asString());
        FhirValidation.assertValid(fhir(CLINICIAN).queryParam("patient", "Patient/" + patient).get("/Goal").then()
                .statusCode(200).body("total", equalTo(2))
                .body("entry.fullUrl", everyItem(containsString("/fhir/r4/Goal/"))).extract().asString());
        // A goal hidden from the caller is not found in the same words as one that does not exist: its plan's id
        // is not named.
        String hidden = fhir(EHR_TOKEN).get("/" + goals.get(0)).then().statusCode(404).contentType(FHIR_JSON)
                .extract().asString();
        assertFalse(hidden.contains(plan), hidden);
        assertTrue(hidden.contains(goals.get(0).substring("Goal/".length())), hidden);
        fhir(CLINICIAN).get("/Goal/" + UUID.randomUUID()).then().statusCode(404).contentType(FHIR_JSON);
    }

    @Test
    void aDischargedPlanIsRevokedAndAGraduatedOneCompleted() {
        UUID patient = UUID.randomUUID();
        String draft = draftPlan(patient).getString("id");
        FhirValidation.assertValid(fhir(CLINICIAN).get("/CarePlan/" + draft).then().statusCode(200)
                .body("status", equalTo("draft")).body("activity.detail.status", hasItem("not-started"))
                .extract().asString());

        UUID other = UUID.randomUUID();
        String ended = activePlan(other);
        as(CLINICIAN).body("{\"reason\":\"against-medical-advice\",\"note\":\"Left after a family dispute\"}")
                .post("/treatment-plans/" + ended + "/discharge").then().statusCode(200);
        FhirValidation.assertValid(fhir(CLINICIAN).get("/CarePlan/" + ended).then().statusCode(200)
                .body("status", equalTo("revoked")).body("period.end", notNullValue())
                .body("activity.detail.status", everyItem(equalTo("stopped")))
                .extract().asString());
    }

    /**
     * Intake's service account reads the plan a full-resource notification carries (intake checked the consent and
     * accounts for the disclosure), audited as its read; it may read nothing else.
     */
    @Test
    void intakesSubscriptionSenderReadsAPlanByIdAndNothingElse() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        String sender = Tokens.forRole(Roles.SUBSCRIPTION_SENDER);

        FhirValidation.assertValid(fhir(sender).get("/CarePlan/" + plan).then().statusCode(200)
                .body("id", equalTo(plan)).body("subject.reference", equalTo("Patient/" + patient)).extract()
                .asString());
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE actor = ?1 AND action = 'read' "
                + "AND resource_id = ?2 AND outcome = 'SUCCESS'", "subscription-sender-user", plan));

        fhir(sender).queryParam("patient", "Patient/" + patient).get("/CarePlan").then().statusCode(403);
        fhir(sender).get("/Goal?patient=Patient/" + patient).then().statusCode(403);
        as(sender).get("/treatment-plans/" + plan).then().statusCode(403);
        fhir(Tokens.forRole("subscription-sender-lookalike")).get("/CarePlan/" + plan).then().statusCode(403);
    }

    @Test
    void aSearchMustNameThePatient() {
        FhirValidation.assertValid(fhir(CLINICIAN).get("/CarePlan").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("patient")).extract().asString());
        fhir(CLINICIAN).get("/CarePlan/" + UUID.randomUUID()).then().statusCode(404).contentType(FHIR_JSON);
        given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", contains("AuditEvent", "CarePlan", "Goal", "Observation",
                        "QuestionnaireResponse"));
    }
}
