package io.cairn.intake.fhir;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.receiveReferral;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.cairn.testkit.BulkExportRequests.awaitComplete;
import static io.cairn.testkit.BulkExportRequests.exported;
import static io.cairn.testkit.BulkExportRequests.file;
import static io.cairn.testkit.BulkExportRequests.start;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Intake's part of a Bulk Data export: patients, referrals, screeners as answered and their scores, each under the
 * category a consent must name, every line valid R4; consents themselves go to staff alone.
 */
@QuarkusTest
class FhirBulkExportTest {

    @Test
    void anEhrExportsWhatItsConsentNamesAndNeverAConsent() {
        UUID consenting = registerPatient();
        UUID referral = receiveReferral(consenting);
        UUID assessment = startAssessment(consenting);
        saveFullAssessment(assessment).statusCode(200);
        UUID consent = giveConsent(consenting, EHR, "\"demographics\"");
        UUID stranger = registerPatient();
        receiveReferral(stranger);
        saveFullAssessment(startAssessment(stranger)).statusCode(200);

        String job = start(EHR_TOKEN, null, null);
        List<String> types = awaitComplete(EHR_TOKEN, job).getList("output.type");
        assertEquals(Set.of("Patient", "ServiceRequest", "QuestionnaireResponse", "Observation"), Set.copyOf(types),
                "every type intake holds an EHR may have, never Consent");
        for (String type : types) {
            List<String> lines = file(EHR_TOKEN, job, type);
            lines.forEach(FhirValidation::assertValid);
            assertFalse(lines.stream().anyMatch(line -> line.contains(stranger.toString())), "no consent, no line");
        }
        assertTrue(file(EHR_TOKEN, job, "Patient").stream().anyMatch(line -> line.contains(consenting.toString())));
        // The consent names demographics alone: no referral (clinical, under assessments) nor screener of theirs.
        assertFalse(file(EHR_TOKEN, job, "ServiceRequest").stream()
                .anyMatch(line -> line.contains("\"id\":\"" + referral + "\"")));
        assertFalse(file(EHR_TOKEN, job, "Observation").stream().anyMatch(line -> line.contains(consenting.toString())));
        fhir(EHR_TOKEN).get("/_export/" + job + "/Consent").then().statusCode(404);

        giveConsent(consenting, EHR, "\"assessments\"");
        String screeners = start(EHR_TOKEN, "QuestionnaireResponse,Observation,ServiceRequest", null);
        awaitComplete(EHR_TOKEN, screeners);
        assertTrue(file(EHR_TOKEN, screeners, "ServiceRequest").stream()
                .anyMatch(line -> line.contains("\"id\":\"" + referral + "\"")));
        List<String> observations = file(EHR_TOKEN, screeners, "Observation").stream()
                .filter(line -> line.contains("Patient/" + consenting)).toList();
        assertEquals(6, observations.size(), "each screener's total");
        observations.forEach(FhirValidation::assertValid);
        assertEquals(5, file(EHR_TOKEN, screeners, "QuestionnaireResponse").stream()
                .filter(line -> line.contains("Patient/" + consenting)).count(),
                "each screener as answered (AUDIT-C is scored from the AUDIT)");
        assertTrue(exported(Tokens.forRole(Roles.PROGRAM_DIRECTOR), "Consent", null, "Consent").stream()
                .anyMatch(line -> line.contains("\"id\":\"" + consent + "\"")), "staff export consents");
    }

    @Test
    void sinceKeepsOnlyTheConsentsAndReferralsThatChanged() {
        String director = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
        UUID patient = registerPatient();
        UUID earlier = giveConsent(patient, EHR, "\"demographics\"");
        Instant since = Instant.now();
        UUID later = giveConsent(patient, "ehr-southside", "\"demographics\"");
        UUID referral = receiveReferral(patient);

        List<String> consents = exported(director, "Consent,ServiceRequest", since.toString(), "Consent");
        assertTrue(consents.stream().anyMatch(line -> line.contains(later.toString())));
        assertFalse(consents.stream().anyMatch(line -> line.contains(earlier.toString())), "unchanged since");
        consents.forEach(FhirValidation::assertValid);
        assertTrue(exported(director, "ServiceRequest", since.toString(), "ServiceRequest").stream()
                .anyMatch(line -> line.contains(referral.toString())));
        // Revoking changes the earlier one: now it is exported too.
        as(COORDINATOR).body("{\"reason\":\"patient withdrew consent in writing\"}").post("/consents/" + earlier + "/revoke")
                .then().statusCode(200);
        assertTrue(exported(director, "Consent", since.toString(), "Consent").stream()
                .anyMatch(line -> line.contains(earlier.toString()) && line.contains("\"status\":\"inactive\"")));
    }
}
