package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.cairn.fhir.validation.FhirValidation;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An EHR plays its part through FHIR only: it registers a patient and refers them, and after the journey reads back
 * the CarePlan, the Appointments and the EpisodeOfCare, only while the patient's Part 2 consent names it. Every
 * resource it receives is valid R4.
 */
class EhrFhirJourneyIT {

    static final String FHIR_JSON = "application/fhir+json";

    final String ehr = Platform.ehrToken();
    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");

    static RequestSpecification fhir(String token) {
        return given().baseUri(Platform.GATEWAY).basePath("/fhir/r4").auth().oauth2(token).contentType(FHIR_JSON)
                .accept(FHIR_JSON);
    }

    @Test
    void anEhrRefersAPatientAndFollowsTheirCareWhileItsConsentIsActive() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC));

        // The EHR registers its patient (unless its record number names one already) and refers them, in FHIR.
        String registration = """
                {"resourceType":"Patient","identifier":[{"system":"urn:ehr:demo:mrn","value":"F-%s"}],
                 "name":[{"family":"Fhir-%s","given":["Robin"]}],"gender":"female","birthDate":"1990-02-03"}"""
                .formatted(unique, unique);
        String ifNoneExist = "identifier=urn:ehr:demo:mrn|F-" + unique;
        UUID patient = UUID.fromString(valid(fhir(ehr).header("If-None-Exist", ifNoneExist).body(registration)
                .post("/Patient").then().statusCode(201).extract().asString(), "id"));
        valid(fhir(ehr).body("""
                {"resourceType":"ServiceRequest","status":"active","intent":"order","priority":"routine",
                 "subject":{"reference":"Patient/%s"},"requester":{"display":"Demo EHR clinic"},
                 "reasonCode":[{"text":"Alcohol use disorder; stepping down from residential care"}]}"""
                .formatted(patient)).post("/ServiceRequest").then().statusCode(201).extract().asString(), "id");

        // The clinic's journey: assessment, plan, enrollment, three sessions, graduation.
        String planId = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        String patientToken = Platform.patientToken(patient);
        Journey.agreeAndApprove(clinician, patientToken, planId);
        List<String> sessions = Journey.awaitEnrollment(scheduler, patientToken, patient);
        Journey.attend(clinician, sessions.get(0), patient, "present");
        Journey.attend(clinician, sessions.get(1), patient, "absent");
        as(clinician).body("{\"overrideReason\":\"EHR journey: goals met early\"}")
                .post("/treatment-plans/" + planId + "/graduate").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);

        // No consent names the EHR yet: nothing of the patient's care is disclosed.
        fhir(ehr).queryParam("patient", "Patient/" + patient).get("/CarePlan").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        fhir(ehr).queryParam("patient", "Patient/" + patient).get("/Appointment").then().statusCode(404);
        fhir(ehr).queryParam("patient", "Patient/" + patient).get("/EpisodeOfCare").then().statusCode(404);

        String consent = as(coordinator).body("""
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics","treatment-plans","attendance","aftercare"]}"""
                .formatted(patient)).post("/consents").then().statusCode(201).extract().path("id");
        await().atMost(Journey.EVENTUAL).until(() -> List.of("/CarePlan", "/Appointment", "/EpisodeOfCare")
                .stream().allMatch(type -> fhir(ehr).queryParam("patient", "Patient/" + patient).get(type)
                        .statusCode() == 200));

        valid(fhir(ehr).queryParam("patient", "Patient/" + patient).get("/CarePlan").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.status", equalTo("completed"))
                .body("entry[0].resource.meta.security.code", hasItem("ETH"))
                .extract().asString(), "id");
        valid(fhir(ehr).queryParam("patient", "Patient/" + patient).get("/Appointment").then().statusCode(200)
                .body("entry.resource.status", hasItems("fulfilled", "noshow"))
                .body("entry.resource.status", everyItem(oneOf("fulfilled", "noshow", "cancelled")))
                .extract().asString(), "id");
        valid(fhir(ehr).queryParam("patient", "Patient/" + patient).get("/EpisodeOfCare").then().statusCode(200)
                .body("entry", hasSize(1)).body("entry[0].resource.status", equalTo("finished"))
                .extract().asString(), "id");
        valid(fhir(ehr).get("/Patient/" + patient).then().statusCode(200).extract().asString(), "id");
        // A retried registration finds the patient instead of making a second one.
        valid(fhir(ehr).header("If-None-Exist", ifNoneExist).body(registration).post("/Patient").then()
                .statusCode(200).body("id", equalTo(patient.toString())).extract().asString(), "id");

        // Every service's disclosures reach the patient's accounting, with the consent they relied on.
        await().atMost(Journey.EVENTUAL).until(() -> accounting(patient).getList("service").containsAll(
                List.of("intake", "treatment-plan", "scheduling", "aftercare")));
        JsonPath accounting = accounting(patient);
        assertEquals(List.of(consent), accounting.getList("consentId").stream().distinct().toList());
        assertEquals(List.of("ehr-demo"), accounting.getList("recipient").stream().distinct().toList());

        // Revoked: the EHR sees nothing more, in any service, and the accounting stops growing.
        as(coordinator).body("{\"reason\":\"patient withdrew consent in writing\"}")
                .post("/consents/" + consent + "/revoke").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> List.of("/CarePlan", "/Appointment", "/EpisodeOfCare")
                .stream().allMatch(type -> fhir(ehr).queryParam("patient", "Patient/" + patient).get(type)
                        .statusCode() == 404));
        fhir(ehr).get("/Patient/" + patient).then().statusCode(404);
        int accounted = accounting(patient).getList("").size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> accounting(patient).getList("").size() == accounted);
    }

    @Test
    void theGatewayServesOneCapabilityStatementForEveryService() {
        valid(given().baseUri(Platform.GATEWAY).accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", hasItems("Patient", "ServiceRequest", "CarePlan", "Appointment",
                        "EpisodeOfCare", "Task"))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam.name",
                        hasItems("patient", "status", "owner"))
                .extract().asString(), "id");
    }

    @Test
    void anEhrSigningItsOwnClientAssertionGetsATokenTheApiAcceptsAndAForgedOneDoesNot() throws Exception {
        String token = Platform.smartBackendToken(Platform.smartBackendKey());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        valid(fhir(token).body("""
                {"resourceType":"Patient","identifier":[{"system":"urn:ehr:demo:mrn","value":"S-%s"}],
                 "name":[{"family":"Smart-%s","given":["Avery"]}],"gender":"male","birthDate":"1979-11-30"}"""
                .formatted(unique, unique)).post("/Patient").then().statusCode(201).extract().asString(), "id");

        // The same assertion signed with another key: Keycloak refuses it, so there is no token to try.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Platform.requestToken(Platform.clientAssertion(generator.generateKeyPair().getPrivate())).then()
                .statusCode(oneOf(400, 401)).body("error", oneOf("invalid_client", "unauthorized_client"))
                .body("access_token", nullValue());
    }

    private JsonPath accounting(UUID patient) {
        return as(coordinator).get("/patients/" + patient + "/disclosures").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Fails unless the resource is valid R4; returns one of its top-level values. */
    private static String valid(String resource, String path) {
        FhirValidation.assertValid(resource);
        return io.restassured.path.json.JsonPath.from(resource).getString(path);
    }
}
