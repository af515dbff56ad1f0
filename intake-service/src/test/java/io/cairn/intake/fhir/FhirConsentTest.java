package io.cairn.intake.fhir;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.cairn.fhir.validation.FhirValidation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Part 2 consent directives as FHIR privacy Consents: active while in force, inactive once revoked. */
@QuarkusTest
class FhirConsentTest {

    @Test
    void aConsentIsActiveUntilRevokedAndNamesItsRecipientPurposeAndCategories() {
        UUID patient = registerPatient();
        UUID consent = giveConsent(patient, EHR, "\"demographics\",\"treatment-plans\"");

        FhirValidation.assertValid(fhir(COORDINATOR).get("/Consent/" + consent).then().statusCode(200)
                .contentType(FHIR_JSON)
                .body("status", equalTo("active"))
                .body("scope.coding[0].code", equalTo("patient-privacy"))
                .body("patient.reference", equalTo("Patient/" + patient))
                .body("policy[0].uri", equalTo(FhirConsents.PART_2))
                .body("provision.type", equalTo("permit"))
                .body("provision.actor[0].reference.identifier.value", equalTo(EHR))
                .body("provision.purpose[0].code", equalTo("CAREMGT"))
                .body("provision.code.text", contains("demographics", "treatment-plans"))
                .extract().asString());

        as(COORDINATOR).body("{\"reason\":\"patient withdrew consent in writing\"}")
                .post("/consents/" + consent + "/revoke").then().statusCode(200);
        FhirValidation.assertValid(fhir(COORDINATOR).queryParam("patient", "Patient/" + patient).get("/Consent")
                .then().statusCode(200).body("total", equalTo(1))
                .body("entry[0].resource.status", equalTo("inactive")).extract().asString());

        // As in the JSON API, the EHR a consent names does not read the consent itself.
        fhir(EHR_TOKEN).get("/Consent/" + consent).then().statusCode(403).contentType(FHIR_JSON);
    }
}
