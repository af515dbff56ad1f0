package io.cairn.intake.fhir;

import static io.cairn.intake.fhir.FhirPatientTest.COORDINATOR;
import static io.cairn.intake.fhir.FhirPatientTest.api;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.cairn.intake.fhir.FhirPatientTest.patient;
import static io.cairn.intake.fhir.FhirPatientTest.valid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An EHR refers a patient with a FHIR ServiceRequest and follows the referral, while its consent lasts. */
@QuarkusTest
class FhirServiceRequestTest {

    @Inject
    EntityManager entities;

    static String referral(String patientReference) {
        return """
                {"resourceType":"ServiceRequest","status":"active","intent":"order","priority":"urgent",
                 "subject":{"reference":"%s"},
                 "requester":{"display":"Northside Family Practice"},
                 "reasonCode":[{"text":"Daily drinking, two failed attempts to cut down"}]}""".formatted(
                patientReference);
    }

    static String registerPatientAsEhr() {
        return fhir(EHR_TOKEN).body(patient("Okafor", "MRN-" + UUID.randomUUID())).post("/Patient").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void anEhrRefersItsPatientAndFollowsTheReferralWhileConsentLasts() {
        String patientId = registerPatientAsEhr();

        var created = valid(fhir(EHR_TOKEN).body(referral("Patient/" + patientId)).post("/ServiceRequest").then()
                .statusCode(201).contentType(FHIR_JSON)
                .header("Location", matchesPattern(".*/fhir/r4/ServiceRequest/[0-9a-f-]{36}"))
                .body("status", equalTo("active")).body("priority", equalTo("urgent"))
                .body("subject.reference", equalTo("Patient/" + patientId))
                .body("meta.security.code", hasItem("ETH"))
                .extract());
        String id = created.path("id");

        // The same referral in the clinic's own words, waiting to be screened.
        api(COORDINATOR).get("/referrals/" + id).then().statusCode(200)
                .body("patientId", equalTo(patientId)).body("source", equalTo("ehr"))
                .body("urgency", equalTo("urgent")).body("status", equalTo("received"))
                .body("referringOrganization", equalTo("Northside Family Practice"))
                .body("reason", equalTo("Daily drinking, two failed attempts to cut down"));

        fhir(EHR_TOKEN).get("/ServiceRequest/" + id).then().statusCode(404);
        // A referral says why and by whom the person came: clinical, released under assessments, not demographics.
        api(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":["demographics"]}
                """.formatted(patientId, EHR)).post("/consents").then().statusCode(201);
        fhir(EHR_TOKEN).get("/ServiceRequest/" + id).then().statusCode(404);
        fhir(EHR_TOKEN).queryParam("patient", patientId).get("/ServiceRequest").then().statusCode(404);
        api(EHR_TOKEN).get("/referrals/" + id).then().statusCode(404);
        api(EHR_TOKEN).queryParam("patientId", patientId).get("/referrals").then().statusCode(404);
        api(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":["assessments"]}
                """.formatted(patientId, EHR)).post("/consents").then().statusCode(201);
        api(EHR_TOKEN).get("/referrals/" + id).then().statusCode(200).body("reason", equalTo(
                "Daily drinking, two failed attempts to cut down"));

        api(COORDINATOR).body("{\"to\":\"declined\",\"note\":\"needs residential care first\"}")
                .post("/referrals/" + id + "/transitions").then().statusCode(200);
        valid(fhir(EHR_TOKEN).get("/ServiceRequest/" + id).then().statusCode(200)
                .body("status", equalTo("revoked")).extract());
        String declined = valid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patientId).get("/ServiceRequest")
                .then().statusCode(200).body("total", equalTo(1)).body("entry[0].resource.id", equalTo(id))
                .body("entry[0].resource.meta.lastUpdated", org.hamcrest.Matchers.notNullValue()).extract())
                .path("entry[0].resource.meta.lastUpdated");
        // Searched as the gateway's merges ask (_offset) and as a sync asks (_id, _lastUpdated, _sort).
        fhir(EHR_TOKEN).queryParam("patient", patientId).queryParam("_offset", 1).get("/ServiceRequest").then()
                .statusCode(200).body("total", equalTo(1)).body("entry", org.hamcrest.Matchers.nullValue());
        fhir(EHR_TOKEN).queryParam("patient", patientId).queryParam("_id", java.util.UUID.randomUUID().toString())
                .get("/ServiceRequest").then().statusCode(200).body("total", equalTo(0));
        fhir(EHR_TOKEN).queryParam("patient", patientId).queryParam("_lastUpdated", "gt" + declined)
                .queryParam("_sort", "-_lastUpdated").get("/ServiceRequest").then().statusCode(200)
                .body("total", equalTo(0));
        fhir(EHR_TOKEN).queryParam("patient", patientId).queryParam("_lastUpdated", "ge" + declined)
                .get("/ServiceRequest").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aReferralThatIsNotOneCairnCanActOnIsRefusedAndNothingIsStored() {
        String patientId = registerPatientAsEhr();
        long before = Rows.count(entities, "select count(*) from referral");

        issue(fhir(EHR_TOKEN).body(referral("Practitioner/1")).post("/ServiceRequest"), 400,
                "ServiceRequest.subject");
        issue(fhir(EHR_TOKEN).body(referral("Patient/" + patientId).replace("\"active\"", "\"draft\""))
                .post("/ServiceRequest"), 400, "ServiceRequest.status");
        issue(fhir(EHR_TOKEN).body(referral("Patient/" + patientId).replace("\"order\"", "\"proposal\""))
                .post("/ServiceRequest"), 400, "ServiceRequest.intent");
        issue(fhir(EHR_TOKEN).body(referral("Patient/" + patientId).replace(
                "Daily drinking, two failed attempts to cut down", " ")).post("/ServiceRequest"), 400,
                "ServiceRequest.reasonCode");
        valid(fhir(EHR_TOKEN).body(referral("Patient/" + UUID.randomUUID())).post("/ServiceRequest").then()
                .statusCode(404).body("resourceType", equalTo("OperationOutcome")).extract());
        issue(fhir(EHR_TOKEN).get("/ServiceRequest"), 400, "patient");

        assertEquals(before, Rows.count(entities, "select count(*) from referral"));
    }

    private static void issue(Response response, int status, String expression) {
        valid(response.then().statusCode(status).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem(expression)).extract());
    }
}
