package io.cairn.intake.fhir;

import static io.cairn.intake.api.Intake.CLINICIAN;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.cairn.fhir.validation.FhirValidation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Screener totals as LOINC-coded Observations, disclosed to an EHR only under a consent for assessments. */
@QuarkusTest
class FhirObservationTest {

    @Test
    void eachScreenerTotalIsAnObservationPreliminaryUntilTheAssessmentIsCompleted() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);
        saveFullAssessment(assessment).statusCode(200);

        FhirValidation.assertValid(fhir(CLINICIAN).queryParam("patient", "Patient/" + patient).get("/Observation")
                .then().statusCode(200).contentType(FHIR_JSON)
                .body("total", equalTo(6))
                .body("entry.resource.code.text", containsInAnyOrder("PHQ-9 total score", "GAD-7 total score",
                        "AUDIT total score", "AUDIT-C total score", "DAST-10 total score", "C-SSRS total score"))
                .body("entry.resource.status", everyItem(equalTo("preliminary")))
                .extract().asString());

        as(CLINICIAN).post("/assessments/" + assessment + "/complete").then().statusCode(200);

        FhirValidation.assertValid(fhir(CLINICIAN).queryParam("patient", "Patient/" + patient)
                .queryParam("code", "http://loinc.org|44261-6").get("/Observation").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.status", equalTo("final"))
                .body("entry[0].resource.valueInteger", equalTo(12))
                .body("entry[0].resource.code.coding[0].system", equalTo("http://loinc.org"))
                .body("entry[0].resource.category[0].coding[0].code", equalTo("survey"))
                .extract().asString());
        FhirValidation.assertValid(fhir(CLINICIAN).get("/Observation/" + assessment + "-audit-c").then()
                .statusCode(200)
                .body("code.coding.code", contains("75626-2")).body("valueInteger", equalTo(8))
                .body("interpretation[0].text", equalTo("positive"))
                .body("meta.security.code", hasItem("ETH"))
                .body("derivedFrom[0].reference", equalTo("QuestionnaireResponse/" + assessment + "-audit"))
                .extract().asString());

        // The answers behind the totals, item by item.
        FhirValidation.assertValid(fhir(CLINICIAN).get("/QuestionnaireResponse/" + assessment + "-audit").then()
                .statusCode(200).body("status", equalTo("completed"))
                .body("item", hasSize(10)).body("item[0].linkId", equalTo("1"))
                .body("item[0].answer[0].valueInteger", equalTo(4))
                .extract().asString());
        FhirValidation.assertValid(fhir(CLINICIAN).queryParam("patient", "Patient/" + patient)
                .get("/QuestionnaireResponse").then().statusCode(200).body("total", equalTo(5)).extract().asString());
    }

    @Test
    void anEhrSeesScreenerResultsOnlyUnderAConsentForAssessments() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);
        saveFullAssessment(assessment).statusCode(200);
        giveConsent(patient, EHR, "\"demographics\"");

        fhir(EHR_TOKEN).get("/Observation/" + assessment + "-phq-9").then().statusCode(404).contentType(FHIR_JSON);
        fhir(EHR_TOKEN).queryParam("patient", patient).get("/Observation").then().statusCode(404);

        giveConsent(patient, EHR, "\"assessments\"");
        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/Observation/" + assessment + "-phq-9").then()
                .statusCode(200).body("valueInteger", equalTo(12)).extract().asString());
        fhir(CLINICIAN).get("/Observation/" + assessment + "-no-such-screener").then().statusCode(404);
        fhir(CLINICIAN).get("/Observation/not-ours").then().statusCode(404);
    }
}
