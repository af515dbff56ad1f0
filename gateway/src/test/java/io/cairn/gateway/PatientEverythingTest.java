package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code Patient/{id}/$everything} is the gateway's: what it cannot answer (a parameter FHIR's operation has that Cairn
 * does not, a bad time or type, an id Cairn never gave) is refused before any service is asked. What a patient's
 * records are, read from the real services, is shown by the system tests (EhrFhirJourneyIT).
 */
@QuarkusTest
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(Backends.class)
class PatientEverythingTest {

    static final String EHR = Tokens.forEhrClient("ehr-northside");
    static final String PATIENT = "/fhir/r4/Patient/" + UUID.randomUUID() + "/$everything";

    @Test
    void whatItCannotAnswerIsRefusedBeforeAnyServiceIsAsked() {
        int before = Backends.received(Backend.INTAKE);
        refused(PATIENT + "?start=2026-01-01", 400, "start is not a parameter of $everything");
        refused(PATIENT + "?_since=yesterday", 400, "_since must be a time");
        refused(PATIENT + "?_type=Patient,Claim", 400, "_type must name types of Patient, ServiceRequest");
        refused(PATIENT + "?_count=500", 400, "_count");
        refused(PATIENT + "?_count=5&_count=6", 400, "may be given once");
        refused("/fhir/r4/Patient/not-ours/$everything", 404, "not-ours");
        assertEquals(before, Backends.received(Backend.INTAKE));
        given().get(PATIENT).then().statusCode(401);
    }

    @Test
    void aPatientTheCallerMayNotSeeIsNotFound() {
        // The stand-in intake answers the patient search without the patient (its echo is no Bundle with a total), and
        // so do the others but the two that hold Tasks.
        given().auth().oauth2(Tokens.forRole(Roles.CLINICIAN)).get(PATIENT + "?_type=Patient,CarePlan,Encounter")
                .then().statusCode(404).contentType("application/fhir+json");
        // A caller that may not see who the patient is still gets the records of theirs it may see, without them.
        given().auth().oauth2(Tokens.forRole(Roles.CLINICIAN)).get(PATIENT).then().statusCode(200)
                .contentType("application/fhir+json").body("total", equalTo(7))
                .body("entry.resource.resourceType", everyItem(equalTo("Task")));
        // A type named twice is named once.
        given().auth().oauth2(Tokens.forRole(Roles.CLINICIAN)).urlEncodingEnabled(false)
                .get(PATIENT + "?_type=Goal,Goal").then().statusCode(404).contentType("application/fhir+json");
    }

    private static void refused(String path, int status, String detail) {
        FhirValidation.assertValid(given().auth().oauth2(EHR).urlEncodingEnabled(false).get(path).then()
                .statusCode(status).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString(detail)).extract().asString());
    }
}
