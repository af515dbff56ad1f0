package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.fhir.validation.FhirValidation;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An EHR takes what it may have in bulk (FHIR Bulk Data {@code Patient/$export}) through the gateway with Keycloak's
 * token: every type of the records whose consent names it (patients, referrals, screeners, plans, appointments,
 * encounters), every line valid R4, none of a patient without consent, never a consent; {@code _since} exports only
 * what changed; each line downloaded is in the patient's accounting of disclosures. The program director exports the
 * whole program, every line valid. A track's cohort is a Group, whose export holds its members' records alone.
 */
class BulkExportIT {

    final String ehr = Platform.ehrToken();
    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");

    @Test
    void anEhrExportsWhatItsConsentsNameLineByLineValid() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC));
        UUID consenting = Journey.register(coordinator, "Exported-" + unique);
        UUID stranger = Journey.register(coordinator, "Unexported-" + unique);
        Journey.consentToTheDemoEhr(coordinator, consenting);
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, consenting);
        String strangersPlan = Journey.assessAndAwaitDraftedPlan(clinician, stranger);
        await().atMost(Journey.EVENTUAL).until(() -> fhir(ehr).get("/CarePlan/" + plan).statusCode() == 200);

        JsonPath manifest = export("");
        List<String> patients = download(manifest, "Patient");
        List<String> plans = download(manifest, "CarePlan");
        List<String> goals = download(manifest, "Goal");
        for (List<String> file : List.of(patients, plans, goals)) {
            file.forEach(FhirValidation::assertValid);
        }
        assertTrue(patients.stream().anyMatch(line -> line.contains(consenting.toString())));
        assertTrue(plans.stream().anyMatch(line -> line.contains(plan)));
        assertFalse(patients.stream().anyMatch(line -> line.contains(stranger.toString())), "no consent, no line");
        assertFalse(plans.stream().anyMatch(line -> line.contains(strangersPlan)));
        assertTrue(goals.stream().anyMatch(line -> line.contains("Patient/" + consenting)));
        assertFalse(goals.stream().anyMatch(line -> line.contains("Patient/" + stranger)));

        // Only what changed since: the plan the clinician edits now.
        Instant since = Instant.now();
        String patientToken = Platform.patientToken(consenting);
        Journey.agreeAndApprove(clinician, patientToken, plan);
        JsonPath changed = export("&_type=CarePlan&_since=" + since);
        List<String> changedPlans = download(changed, "CarePlan");
        assertTrue(changedPlans.stream().anyMatch(line -> line.contains(plan)));
        for (String line : changedPlans) {
            Instant lastUpdated = Instant.parse(JsonPath.from(line).getString("meta.lastUpdated"));
            assertTrue(lastUpdated.isAfter(since), "only what changed since: " + line);
        }
        assertFalse(changedPlans.stream().anyMatch(line -> line.contains(strangersPlan)));

        // Enrolled and at their first session: the whole program exports, every file valid, none of the stranger.
        List<String> sessions = Journey.awaitEnrollment(scheduler, patientToken, consenting);
        Journey.attend(clinician, sessions.get(0), consenting, "present");
        await().atMost(Journey.EVENTUAL).until(() -> download(export("&_type=Encounter"), "Encounter").stream()
                .anyMatch(line -> line.contains("Patient/" + consenting)));
        JsonPath whole = export("");
        List<String> types = whole.getList("output.type");
        assertTrue(types.containsAll(List.of("Patient", "ServiceRequest", "QuestionnaireResponse", "Observation",
                "CarePlan", "Goal", "Appointment", "Encounter")), () -> "every type the EHR may have: " + types);
        assertFalse(types.contains("Consent"), "a consent is for staff alone");
        for (String type : new java.util.TreeSet<>(types)) {
            List<String> lines = download(whole, type);
            lines.forEach(FhirValidation::assertValid);
            assertFalse(lines.stream().anyMatch(line -> line.contains(stranger.toString())), "no consent, no " + type);
        }
        assertTrue(download(whole, "Appointment").stream().filter(line -> line.contains("Patient/" + consenting))
                .count() >= 9, "every session they were booked into");

        // Their track's cohort: a Group whose export holds its members alone (those whose consent names the EHR).
        String track = as(scheduler).queryParam("patientId", consenting).get("/enrollments").jsonPath()
                .getString("[0].trackId");
        List<String> members = fhir(ehr).get("/Group/" + track).then().statusCode(200).extract().jsonPath()
                .getList("member.entity.reference");
        assertTrue(members.contains("Patient/" + consenting), () -> "a member: " + members);
        List<String> cohort = download(export(ehr, "/Group/" + track, "&_type=Patient,Appointment"), "Patient");
        assertTrue(cohort.stream().anyMatch(line -> line.contains(consenting.toString())));
        for (String line : cohort) {
            assertTrue(members.contains("Patient/" + JsonPath.from(line).getString("id")), "members alone: " + line);
        }
        fhir(ehr).header("Prefer", "respond-async").get("/Group/" + UUID.randomUUID() + "/$export").then()
                .statusCode(404);

        // Each line downloaded is a disclosure in the patient's accounting, by the service that holds it.
        await().atMost(Journey.EVENTUAL).untilAsserted(() -> as(coordinator)
                .get("/patients/" + consenting + "/disclosures").then().statusCode(200)
                .body("findAll { it.resourceId == '" + plan + "' }.service", hasItem("treatment-plan")));
    }

    @Test
    void theProgramDirectorExportsTheWholeProgramEveryLineValid() {
        String director = tokenOf("director", "director");
        JsonPath whole = export(director, "");
        List<String> types = whole.getList("output.type");
        assertTrue(types.containsAll(List.of("Patient", "Consent", "CarePlan", "Goal")), () -> "the demo program: "
                + types);
        for (String type : new java.util.TreeSet<>(types)) {
            download(director, whole, type).forEach(FhirValidation::assertValid);
        }
    }

    /** Kicks off an export, polls its status until it is done, and answers the manifest. */
    private JsonPath export(String parameters) {
        return export(ehr, parameters);
    }

    private static JsonPath export(String token, String parameters) {
        return export(token, "/Patient", parameters);
    }

    /** Kicks off the export of {@code of} ({@code /Patient}, or {@code /Group/{id}}) and answers the manifest. */
    private static JsonPath export(String token, String of, String parameters) {
        String status = fhir(token).header("Prefer", "respond-async").urlEncodingEnabled(false)
                .get(of + "/$export?_outputFormat=application/fhir%2Bndjson" + parameters).then().statusCode(202)
                .extract().header("Content-Location");
        String path = status.substring(status.indexOf("/fhir/r4/") + "/fhir/r4".length());
        await().atMost(Journey.EVENTUAL).until(() -> fhir(token).urlEncodingEnabled(false).get(path).statusCode() == 200);
        return fhir(token).urlEncodingEnabled(false).get(path).then().statusCode(200).body("requiresAccessToken", equalTo(true))
                .extract()
                .jsonPath();
    }

    private List<String> download(JsonPath manifest, String type) {
        return download(ehr, manifest, type);
    }

    private static List<String> download(String token, JsonPath manifest, String type) {
        List<String> urls = manifest.getList("output.findAll { it.type == '" + type + "' }.url");
        return urls.stream().flatMap(url -> Arrays.stream(given().auth().oauth2(token)
                .accept("application/fhir+ndjson").urlEncodingEnabled(false).get(url).then().statusCode(200)
                .extract().asString().split("\n"))).filter(line -> !line.isBlank()).toList();
    }

    private static RequestSpecification fhir(String token) {
        return given().baseUri(Platform.GATEWAY).basePath("/fhir/r4").auth().oauth2(token)
                .contentType("application/fhir+json").accept("application/fhir+json");
    }
}
