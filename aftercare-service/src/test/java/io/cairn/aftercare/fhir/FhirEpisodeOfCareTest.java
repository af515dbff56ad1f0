package io.cairn.aftercare.fhir;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An EHR reads the ended IOP episode as an EpisodeOfCare while a consent for aftercare names it. */
@QuarkusTest
class FhirEpisodeOfCareTest {

    @Inject
    EntityManager entities;

    @Test
    void aSearchDisclosesEachEpisodeItAnswersByItsOwnId() {
        UUID patient = UUID.randomUUID();
        String episode = referralAfterGraduation(patient, LocalDate.now(ZoneOffset.UTC).minusDays(1)).getString("id");
        consentToEhr(patient, RecordCategory.AFTERCARE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/EpisodeOfCare/" + episode)
                .statusCode() == 200);
        long disclosed = disclosures(episode);

        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).get("/EpisodeOfCare").then().statusCode(200)
                .body("total", equalTo(1));
        assertEquals(disclosed + 1, disclosures(episode), "the episode answered is in the patient's accounting");
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).get("/Task").then().statusCode(200)
                .body("total", equalTo(1));
        assertEquals(disclosed + 2, disclosures(episode), "so is the follow-up answered");
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("status", "completed").get("/Task")
                .then().statusCode(200).body("total", equalTo(0));
        assertEquals(disclosed + 2, disclosures(episode), "a search that answers nothing discloses nothing");
    }

    private long disclosures(String referral) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery("""
                select count(*) from audit_event
                where action = 'disclose' and resource_type = 'aftercare-referral' and resource_id = ?1""")
                .setParameter(1, referral).getSingleResult()).longValue());
    }

    @Test
    void theEpisodeEndsOnTheDayOfGraduationAndIsDisclosedOnlyUnderConsent() {
        UUID patient = UUID.randomUUID();
        LocalDate graduatedOn = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String episode = referralAfterGraduation(patient, graduatedOn).getString("id");

        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/EpisodeOfCare/" + episode).then().statusCode(404)
                .contentType(FHIR_JSON).extract().asString());

        consentToEhr(patient, RecordCategory.AFTERCARE);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fhir(EHR_TOKEN).get("/EpisodeOfCare/" + episode).statusCode() == 200);

        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/EpisodeOfCare/" + episode).then().statusCode(200)
                .contentType(FHIR_JSON)
                .body("resourceType", equalTo("EpisodeOfCare"))
                .body("status", equalTo("finished"))
                .body("patient.reference", equalTo("Patient/" + patient))
                .body("period.end", equalTo(graduatedOn.toString()))
                .body("type[0].text", equalTo(FhirEpisodesOfCare.PROGRAM))
                .body("meta.security.code", hasItem("ETH"))
                .extract().asString());
        FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patient).get("/EpisodeOfCare")
                .then().statusCode(200).body("total", equalTo(1)).body("entry[0].resource.id", equalTo(episode))
                .extract().asString());

        // The follow-up itself is a Task on that episode, open while check-ins are scheduled.
        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/Task/" + episode).then().statusCode(200)
                .body("status", equalTo("in-progress")).body("intent", equalTo("order"))
                .body("priority", equalTo("routine"))
                .body("focus.reference", equalTo("EpisodeOfCare/" + episode))
                .body("for.reference", equalTo("Patient/" + patient))
                .body("note", hasSize(5))
                .extract().asString());
        FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", patient.toString()).get("/Task").then()
                .statusCode(200).body("total", equalTo(1)).extract().asString());
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("status", "in-progress").get("/Task")
                .then().statusCode(200).body("total", equalTo(1));
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("status", "completed").get("/Task")
                .then().statusCode(200).body("total", equalTo(0));
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("owner", "nobody-here").get("/Task")
                .then().statusCode(200).body("total", equalTo(0));
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("status", "half-done").get("/Task")
                .then().statusCode(400).body("issue.expression.flatten()", hasItem("status"));

        // The follow-up brings its episode along, and the episode its follow-up; both changed when they were made.
        FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", patient.toString())
                .queryParam("_include", "Task:focus").get("/Task").then().statusCode(200)
                .body("entry.search.mode", contains("match", "include"))
                .body("entry[1].resource.id", equalTo(episode))
                .body("entry[1].resource.resourceType", equalTo("EpisodeOfCare")).extract().asString());
        String lastUpdated = FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", patient.toString())
                .queryParam("_revinclude", "Task:focus").get("/EpisodeOfCare").then().statusCode(200)
                .body("entry.resource.resourceType", contains("EpisodeOfCare", "Task"))
                .body("entry[0].resource.meta.lastUpdated", org.hamcrest.Matchers.notNullValue())
                .extract().asString());
        String changed = io.restassured.path.json.JsonPath.from(lastUpdated).getString("entry[0].resource.meta.lastUpdated");
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("_lastUpdated", "gt" + changed)
                .get("/EpisodeOfCare").then().statusCode(200).body("total", equalTo(0));
    }

    /** Intake's service account reads the episode a full-resource notification carries, and nothing else. */
    @Test
    void intakesSubscriptionSenderReadsAnEpisodeByIdAndNothingElse() {
        UUID patient = UUID.randomUUID();
        String episode = referralAfterGraduation(patient, LocalDate.now(ZoneOffset.UTC).minusDays(1)).getString("id");
        String sender = Tokens.forRole(Roles.SUBSCRIPTION_SENDER);

        FhirValidation.assertValid(fhir(sender).get("/EpisodeOfCare/" + episode).then().statusCode(200)
                .body("id", equalTo(episode)).body("patient.reference", equalTo("Patient/" + patient))
                .extract().asString());
        fhir(sender).queryParam("patient", patient.toString()).get("/EpisodeOfCare").then().statusCode(403);
        fhir(sender).get("/Task/" + episode).then().statusCode(403);
    }

    @Test
    void aSearchMustNameThePatient() {
        FhirValidation.assertValid(fhir(CASE_MANAGER).get("/EpisodeOfCare").then().statusCode(400)
                .contentType(FHIR_JSON).body("issue.expression.flatten()", hasItem("patient")).extract().asString());
        fhir(CASE_MANAGER).queryParam("patient", "Patient/not-a-uuid").get("/EpisodeOfCare").then().statusCode(400);
        FhirValidation.assertValid(given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", contains("AuditEvent", "EpisodeOfCare", "Task")).extract().asString());
    }
}
