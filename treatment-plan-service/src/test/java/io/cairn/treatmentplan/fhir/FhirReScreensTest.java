package io.cairn.treatmentplan.fhir;

import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.BulkExportRequests;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.cairn.treatmentplan.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An EHR, a clinician or the patient reads the re-screens answered during the program as FHIR Observations with the
 * QuestionnaireResponses they come from: the PHQ-9's LOINC code, and a reliable worsening from the baseline as the
 * interpretation W.
 */
@QuarkusTest
class FhirReScreensTest {

    private static final String PHQ_9 = "44261-6";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entities;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void eachReScreenIsAnObservationOfItsTotalDerivedFromTheAnswers() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // assessed with PHQ-9 12: the series' first score
        String own = Tokens.forPatient(patient);
        clock.advance(Duration.ofDays(7));
        String unchanged = reScreen(own, patient, 1, 1, 2, 2, 2, 2, 2, 2, 0); // 14
        clock.advance(Duration.ofDays(7));
        String worse = reScreen(own, patient, 2, 2, 2, 2, 2, 2, 2, 2, 0); // 16: 4 above 12, not reliable yet
        clock.advance(Duration.ofDays(7));
        String reliablyWorse = reScreen(own, patient, 2, 2, 2, 2, 2, 2, 2, 3, 0); // 17: 5 above

        FhirValidation.assertValid(fhir(CLINICIAN).get("/Observation/" + reliablyWorse).then().statusCode(200)
                .contentType(FHIR_JSON)
                .body("resourceType", equalTo("Observation")).body("status", equalTo("final"))
                .body("code.coding[0].system", equalTo("http://loinc.org"))
                .body("code.coding[0].code", equalTo(PHQ_9))
                .body("category[0].coding[0].code", equalTo("survey"))
                .body("subject.reference", equalTo("Patient/" + patient))
                .body("valueInteger", equalTo(17))
                .body("interpretation.text", hasItems("moderately-severe"))
                .body("interpretation.coding.flatten().code", contains("W"))
                .body("derivedFrom[0].reference", equalTo("QuestionnaireResponse/" + reliablyWorse))
                .body("meta.security.code", hasItems("ETH", "NORDSCLCD"))
                .extract().asString());
        fhir(CLINICIAN).get("/Observation/" + worse).then().statusCode(200).body("valueInteger", equalTo(16))
                .body("interpretation.findAll { it.coding }", hasSize(0));

        FhirValidation.assertValid(fhir(CLINICIAN).get("/QuestionnaireResponse/" + reliablyWorse).then()
                .statusCode(200).body("status", equalTo("completed")).body("item", hasSize(9))
                .body("item[7].linkId", equalTo("8")).body("item[7].answer[0].valueInteger", equalTo(3))
                .body("subject.reference", equalTo("Patient/" + patient)).extract().asString());

        // Newest first; the code narrows to the instrument; the assessment's baseline is intake's Observation.
        FhirValidation.assertValid(fhir(own).queryParam("patient", "Patient/" + patient).get("/Observation").then()
                .statusCode(200).body("total", equalTo(3))
                .body("entry.resource.id", contains(reliablyWorse, worse, unchanged)).extract().asString());
        fhir(CLINICIAN).queryParam("patient", patient.toString()).queryParam("code", "http://loinc.org|" + PHQ_9)
                .get("/Observation").then().statusCode(200).body("total", equalTo(3));
        fhir(CLINICIAN).queryParam("patient", patient.toString()).queryParam("code", "70274-6").get("/Observation")
                .then().statusCode(200).body("total", equalTo(0));
        fhir(CLINICIAN).queryParam("patient", patient.toString()).get("/QuestionnaireResponse").then()
                .statusCode(200).body("total", equalTo(3)).body("entry[2].resource.id", equalTo(unchanged));
        String baseline = Rows.list(entities, "SELECT CAST(id AS text) FROM measure WHERE patient_id = ?1 "
                + "AND source = 'assessment' AND instrument = 'PHQ-9'", patient).get(0).toString();
        fhir(CLINICIAN).get("/Observation/" + baseline).then().statusCode(404).contentType(FHIR_JSON);
        fhir(CLINICIAN).get("/Observation/" + patient + "-phq-9").then().statusCode(404).contentType(FHIR_JSON);
    }

    @Test
    void anotherPatientOrAnEhrWithoutAConsentForAssessmentsFindsNothingAndEachReadIsADisclosure() {
        UUID patient = UUID.randomUUID();
        activePlan(patient);
        clock.advance(Duration.ofDays(7));
        String reScreen = reScreen(Tokens.forPatient(patient), patient, 1, 1, 1, 1, 1, 1, 1, 1, 0);

        fhir(Tokens.forPatient(UUID.randomUUID())).get("/Observation/" + reScreen).then().statusCode(404);
        fhir(Tokens.forPatient(UUID.randomUUID())).queryParam("patient", patient.toString()).get("/Observation")
                .then().statusCode(404);
        fhir(EHR_TOKEN).get("/QuestionnaireResponse/" + reScreen).then().statusCode(404);
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).get("/Observation").then().statusCode(404);
        fhir(Tokens.forRole(Roles.INTAKE_COORDINATOR)).get("/Observation/" + reScreen).then().statusCode(403);

        consentToEhr(patient, RecordCategory.ASSESSMENTS);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fhir(EHR_TOKEN).get("/Observation/" + reScreen).statusCode() == 200);
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).get("/Observation").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.id", equalTo(reScreen))
                .body("entry[0].resource.interpretation.findAll { it.coding }", hasSize(0));
        assertTrue(Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND resource_type = 'measure' AND resource_id = ?1 AND client_id = ?2", reScreen, EHR) >= 2);
        // A count-only search answers no record and discloses none.
        long before = Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND resource_id = ?1", reScreen);
        fhir(EHR_TOKEN).queryParam("patient", patient.toString()).queryParam("_count", "0").get("/Observation")
                .then().statusCode(200).body("total", equalTo(1)).body("entry", nullValue());
        assertEquals(before, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND resource_id = ?1", reScreen));

        List<String> observations = BulkExportRequests.exported(EHR_TOKEN, "Observation,QuestionnaireResponse", null,
                "Observation");
        assertTrue(observations.stream().anyMatch(line -> line.contains("\"id\":\"" + reScreen + "\"")));
        observations.forEach(FhirValidation::assertValid);
    }

    @Test
    void anAuditReScreenIsAlsoAnAuditCObservation() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // its screeners scored for a man: AUDIT-C positive from 4
        String audit = as(CLINICIAN).body("""
                {"instrument":"AUDIT","answers":{"1":2,"2":1,"3":0,"4":1,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0}}""")
                .post("/patients/" + patient + "/measures").then().statusCode(201).extract().path("id");

        FhirValidation.assertValid(fhir(CLINICIAN).get("/Observation/" + audit + "-audit-c").then().statusCode(200)
                .body("code.coding[0].code", equalTo("75626-2")).body("valueInteger", equalTo(3))
                .body("interpretation[0].text", equalTo("negative"))
                .body("derivedFrom[0].reference", equalTo("QuestionnaireResponse/" + audit)).extract().asString());
        fhir(CLINICIAN).queryParam("patient", patient.toString()).queryParam("code", "75626-2").get("/Observation")
                .then().statusCode(200).body("total", equalTo(1)).body("entry[0].resource.id", equalTo(audit + "-audit-c"));
        fhir(CLINICIAN).queryParam("patient", patient.toString()).get("/Observation").then().statusCode(200)
                .body("total", equalTo(2)).body("entry.resource.code.coding.flatten().code",
                        contains("75624-7", "75626-2"));
        fhir(CLINICIAN).get("/Observation/" + audit + "-phq-9").then().statusCode(404);
    }

    @Test
    void aSearchMustNameThePatient() {
        fhir(CLINICIAN).get("/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("patient"));
        fhir(CLINICIAN).queryParam("patient", UUID.randomUUID().toString()).queryParam("subject", "x")
                .get("/QuestionnaireResponse").then().statusCode(400);
        fhir(CLINICIAN).queryParam("patient", UUID.randomUUID().toString()).get("/Observation").then()
                .statusCode(200).body("total", equalTo(0));
    }

    /** A PHQ-9 the patient answers from the app; its id. */
    private static String reScreen(String token, UUID patient, int... answers) {
        StringBuilder json = new StringBuilder("{\"instrument\":\"PHQ-9\",\"answers\":{");
        for (int i = 0; i < answers.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(i + 1).append("\":").append(answers[i]);
        }
        return as(token).body(json.append("}}").toString()).post("/patients/" + patient + "/measures").then()
                .statusCode(201).extract().path("id");
    }
}
