package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.cairn.fhir.validation.FhirValidation;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        Instant beforeGraduation = Instant.now();
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
        everythingIsThePatientsRecordsTheConsentNames(patient, beforeGraduation);
        // The patient, held by intake, comes along with the appointments scheduling holds.
        valid(fhir(ehr).queryParam("patient", "Patient/" + patient).queryParam("_include", "Appointment:patient")
                .get("/Appointment").then().statusCode(200)
                .body("entry.findAll { it.search.mode == 'include' }.resource.id", contains(patient.toString()))
                .body("entry.findAll { it.search.mode == 'match' }.resource.resourceType",
                        everyItem(equalTo("Appointment")))
                .extract().asString(), "id");
        valid(fhir(ehr).queryParam("patient", "Patient/" + patient).queryParam("_include", "CarePlan:goal")
                .queryParam("_include", "CarePlan:subject").get("/CarePlan").then().statusCode(200)
                .body("entry.findAll { it.search.mode == 'include' }.resource.resourceType",
                        hasItems("Goal", "Patient"))
                .extract().asString(), "id");
        // Nothing changed since the EHR's read: an incremental search finds nothing new.
        String seen = JsonPath.from(fhir(ehr).get("/CarePlan/" + planId).then().statusCode(200).extract().asString())
                .getString("meta.lastUpdated");
        fhir(ehr).queryParam("patient", "Patient/" + patient).queryParam("_lastUpdated", "gt" + seen)
                .get("/CarePlan").then().statusCode(200).body("total", equalTo(0));
        fhir(ehr).queryParam("patient", "Patient/" + patient).queryParam("_lastUpdated", "le" + seen)
                .get("/CarePlan").then().statusCode(200).body("total", equalTo(1));
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
        fhir(ehr).get("/Patient/" + patient + "/$everything").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        int accounted = accounting(patient).getList("").size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> accounting(patient).getList("").size() == accounted);

        directorReadsThePatientsAuditTrail(patient);
    }

    /**
     * A program director reads the patient's audit trail through the gateway: every service's records in one list,
     * newest first, the EHR's disclosures among them; paged by cursor it is the same list; as FHIR AuditEvents, the
     * EHR's are valid R4.
     */
    private static void directorReadsThePatientsAuditTrail(UUID patient) {
        String director = tokenOf("director", "director");
        List<Map<String, Object>> paged = new ArrayList<>();
        Response page = as(director).queryParam("patientId", patient.toString()).queryParam("size", 7)
                .get("/audit-events");
        while (true) {
            assertEquals(200, page.statusCode(), page.asString());
            paged.addAll(page.jsonPath().getList(""));
            String link = page.header("Link");
            if (link == null) {
                break;
            }
            String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            page = given().auth().oauth2(director).urlEncodingEnabled(false).get(next);
        }
        List<Map<String, Object>> whole = as(director).queryParam("patientId", patient.toString())
                .queryParam("size", 500).get("/audit-events").then().statusCode(200).extract().jsonPath().getList("");
        // The pages' own searches are recorded after them, at the top of the whole list.
        List<Map<String, Object>> records = whole.stream().filter(r -> !"audit-event".equals(r.get("resourceType")))
                .toList();
        assertEquals(records, paged);
        List<String> times = records.stream().map(r -> (String) r.get("occurredAt")).toList();
        assertEquals(times.stream().map(java.time.Instant::parse).sorted(java.util.Comparator.reverseOrder())
                .toList(), times.stream().map(java.time.Instant::parse).toList(), "newest first");
        List<Map<String, Object>> disclosures = records.stream().filter(r -> "disclose".equals(r.get("action")))
                .toList();
        assertEquals(Set.of("intake", "treatment-plan", "scheduling", "aftercare"), disclosures.stream()
                .map(r -> r.get("service")).collect(Collectors.toSet()));
        assertEquals(Set.of("ehr-demo"), disclosures.stream().map(r -> r.get("clientId")).collect(Collectors.toSet()));
        assertTrue(records.stream().anyMatch(r -> "create".equals(r.get("action")) && "intake".equals(r.get("service"))),
                "the registration is in the trail");

        JsonPath fhirTrail = JsonPath.from(FhirValidation.assertValid(fhir(director).queryParam("patient", "Patient/" + patient)
                .queryParam("agent", "ehr-demo").queryParam("_count", 100).get("/AuditEvent").then().statusCode(200)
                .body("type", equalTo("searchset")).extract().asString()));
        // One page of at most 100: the EHR's searches disclosed more records than that.
        assertTrue(fhirTrail.getList("entry").size() >= Math.min(disclosures.size(), 100));
        assertEquals(Set.of("ehr-demo"), Set.copyOf(fhirTrail.getList(
                "entry.resource.collect { it.agent[1].who.identifier.value }")));
    }

    @Test
    void theGatewayServesOneCapabilityStatementForEveryService() {
        valid(given().baseUri(Platform.GATEWAY).accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", hasItems("Patient", "ServiceRequest", "CarePlan", "Appointment", "AuditEvent",
                        "EpisodeOfCare", "Task"))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam.name",
                        hasItems("patient", "status", "owner", "_id", "_lastUpdated"))
                .body("rest[0].resource.find { it.type == 'Appointment' }.searchInclude",
                        hasItems("Appointment:patient"))
                .body("rest[0].resource.find { it.type == 'Patient' }.operation.name", hasItems("everything"))
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

    /**
     * {@code Patient/$everything} through the gateway: the patient first, then what each service holds of theirs that
     * the consent names (plans, sessions, aftercare; not the assessment's screeners), valid R4, the same whether read
     * in one page or page by page; {@code _since} keeps what changed since then, {@code _type} the types named.
     */
    private void everythingIsThePatientsRecordsTheConsentNames(UUID patient, Instant beforeGraduation) {
        String whole = FhirValidation.assertValid(fhir(ehr).queryParam("_count", 100)
                .get("/Patient/" + patient + "/$everything").then().statusCode(200)
                .body("type", equalTo("searchset")).body("entry[0].resource.resourceType", equalTo("Patient"))
                .body("entry[0].resource.id", equalTo(patient.toString()))
                .body("entry.resource.resourceType", hasItems("Patient", "CarePlan", "Goal", "Appointment",
                        "Encounter", "EpisodeOfCare", "Task"))
                .body("entry.resource.resourceType", not(hasItems("QuestionnaireResponse")))
                .body("entry.resource.resourceType", not(hasItems("Observation")))
                // The referral is intake's clinical record: released under assessments, which this consent leaves out.
                .body("entry.resource.resourceType", not(hasItems("ServiceRequest")))
                .extract().asString());
        List<String> everything = JsonPath.from(whole).getList("entry.fullUrl");
        assertEquals(JsonPath.from(whole).getInt("total"), everything.size());
        assertTrue(JsonPath.from(whole).getList("entry.resource.subject.reference").stream()
                .allMatch(reference -> reference == null || reference.equals("Patient/" + patient)));

        List<String> paged = new ArrayList<>();
        String next = Platform.GATEWAY + "/fhir/r4/Patient/" + patient + "/$everything?_count=4";
        while (next != null) {
            JsonPath page = JsonPath.from(FhirValidation.assertValid(given().auth().oauth2(ehr).accept(FHIR_JSON)
                    .urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString()));
            paged.addAll(page.getList("entry.fullUrl"));
            next = page.getString("link.find { it.relation == 'next' }.url");
        }
        assertEquals(everything, paged);

        List<String> changed = JsonPath.from(FhirValidation.assertValid(fhir(ehr).queryParam("_count", 100)
                .queryParam("_since", beforeGraduation.toString()).get("/Patient/" + patient + "/$everything")
                .then().statusCode(200).body("entry.resource.resourceType", hasItems("CarePlan", "EpisodeOfCare"))
                .extract().asString())).getList("entry.fullUrl");
        assertTrue(everything.containsAll(changed) && changed.size() < everything.size(), changed.toString());
        fhir(ehr).queryParam("_type", "CarePlan,EpisodeOfCare").get("/Patient/" + patient + "/$everything").then()
                .statusCode(200).body("entry.resource.resourceType", everyItem(oneOf("CarePlan", "EpisodeOfCare")))
                .body("total", equalTo(2));
        fhir(ehr).queryParam("start", "2026-01-01").get("/Patient/" + patient + "/$everything").then()
                .statusCode(400);
    }

    private JsonPath accounting(UUID patient) {
        return as(coordinator).get("/patients/" + patient + "/disclosures").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Fails unless the resource is valid R4; returns one of its top-level values. */
    /**
     * An EHR whose consent releases the plans alone gets them from {@code $everything}, without the Patient it may
     * not see; when it asks only for what it may not see, the patient is not found, as a read answers.
     */
    @Test
    void everythingOfAPatientTheEhrMayNotSeeIsTheRecordsItsConsentReleases() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = Journey.register(coordinator, "PlansOnly-" + unique);
        as(coordinator).body("""
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["treatment-plans"]}""".formatted(patient)).post("/consents").then()
                .statusCode(201);
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        await().atMost(Journey.EVENTUAL).until(() -> fhir(ehr).get("/CarePlan/" + plan).statusCode() == 200);

        String everything = fhir(ehr).get("/Patient/" + patient + "/$everything").then().statusCode(200)
                .body("entry.resource.resourceType", hasItem("CarePlan"))
                .body("entry.resource.resourceType", everyItem(oneOf("CarePlan", "Goal")))
                .body("entry.resource.id", hasItem(plan)).extract().asString();
        FhirValidation.assertValid(everything);
        fhir(ehr).get("/Patient/" + patient).then().statusCode(404);
        fhir(ehr).get("/Patient/" + patient + "/$everything?_type=Patient,Appointment").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    private static String valid(String resource, String path) {
        FhirValidation.assertValid(resource);
        return io.restassured.path.json.JsonPath.from(resource).getString(path);
    }
}
