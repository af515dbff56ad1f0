package io.cairn.intake.fhir;

import static io.cairn.intake.fhir.FhirPatientTest.MRN;
import static io.cairn.intake.fhir.FhirPatientTest.api;
import static io.cairn.intake.fhir.FhirPatientTest.patient;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An EHR client registers and looks up patients by identifiers of its own system only: any other is a 403 that says
 * nothing about the patient, over the JSON API and FHIR. A conditional create racing itself answers the first patient.
 */
@QuarkusTest
class EhrIdentifierSystemTest {

    static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);
    static final String OTHER_SYSTEM = "urn:ehr:southside:mrn";

    @Inject
    EntityManager entities;

    @Test
    void anotherSystemsIdentifierIsA403WhetherOrNotItNamesAPatient() {
        String known = "MRN-" + UUID.randomUUID();
        String unknown = "MRN-" + UUID.randomUUID();
        // Staff registered a patient under another EHR's record number.
        api(COORDINATOR).body(json(OTHER_SYSTEM, known)).post("/patients").then().statusCode(201);

        List<List<String>> answers = new ArrayList<>();
        for (String value : List.of(known, unknown)) {
            String registering = api(EHR_TOKEN).body(json(OTHER_SYSTEM, value)).post("/patients").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString(MRN)).extract().asString();
            String searching = api(EHR_TOKEN).queryParam("identifierSystem", OTHER_SYSTEM)
                    .queryParam("identifierValue", value).get("/patients").then().statusCode(403).extract().asString();
            String fhirSearch = fhir(EHR_TOKEN).queryParam("identifier", OTHER_SYSTEM + "|" + value).get("/Patient")
                    .then().statusCode(403).contentType(containsString(FHIR_JSON))
                    .body("resourceType", equalTo("OperationOutcome")).extract().asString();
            String conditional = fhir(EHR_TOKEN).header("If-None-Exist", "identifier=" + OTHER_SYSTEM + "|" + value)
                    .body(patient("Okoye", value).replace(MRN, OTHER_SYSTEM)).post("/Patient").then().statusCode(403)
                    .body("resourceType", equalTo("OperationOutcome")).extract().asString();
            answers.add(List.of(registering, searching, fhirSearch, conditional).stream()
                    .map(answer -> answer.replace(value, "MRN")).toList());
        }
        // The same answers whether a patient has that number or not: nothing about anyone is told.
        assertEquals(answers.get(0), answers.get(1));
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM patient_identifier WHERE value = ?1", unknown));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM patient_identifier WHERE value = ?1", known));

        // Its own system is open to it; an EHR client nobody mapped has none.
        api(EHR_TOKEN).body(json(MRN, unknown)).post("/patients").then().statusCode(201);
        api(Tokens.forEhrClient("ehr-nobody-mapped")).body(json(MRN, "MRN-" + UUID.randomUUID())).post("/patients")
                .then().statusCode(403).body("detail", not(containsString(MRN)));
    }

    @Test
    void conditionalCreatesRacingEachOtherMakeOnePatientAndAnswerItToEveryOne() {
        String mrn = "MRN-" + UUID.randomUUID();
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> racing.add(CompletableFuture.supplyAsync(() -> fhir(COORDINATOR)
                .header("If-None-Exist", "identifier=" + MRN + "|" + mrn).body(patient("Mensah", mrn))
                .post("/Patient").statusCode())));

        List<Integer> answers = racing.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(200, 200, 200, 200, 200, 201), answers);
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM patient_identifier WHERE value = ?1", mrn));
    }

    private static String json(String system, String value) {
        return """
                {"givenName":"Ada","familyName":"Okoye","birthDate":"1990-05-06","sex":"female","ageGroup":"adult",
                 "identifiers":[{"system":"%s","value":"%s"}]}""".formatted(system, value);
    }
}
