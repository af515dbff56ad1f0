package io.cairn.intake.fhir;

import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service's audit log as FHIR AuditEvents, for program directors. */
@QuarkusTest
class FhirAuditEventTest {

    static final String DIRECTOR = Tokens.forStaff("director-fhir-audit", Roles.PROGRAM_DIRECTOR);

    @Test
    void aDirectorSearchesAPatientsAuditEventsNewestFirstAsValidR4() {
        UUID patient = registerPatient();
        String reader = "dr-" + UUID.randomUUID();
        as(Tokens.forStaff(reader, Roles.CLINICIAN)).get("/patients/" + patient).then().statusCode(200);

        JsonPath bundle = search("patient=Patient/" + patient);

        assertEquals(2, bundle.getList("entry").size());
        assertEquals(List.of("read", "create"), bundle.getList("entry.resource.collect { it.subtype[0].code }"));
        assertEquals(List.of("R", "C"), bundle.getList("entry.resource.action"));
        assertEquals(List.of(reader, "intake-coordinator-user"),
                bundle.getList("entry.resource.collect { it.agent[0].who.identifier.value }"));
        assertEquals(List.of("0", "0"), bundle.getList("entry.resource.outcome"));
        assertEquals("Patient/" + patient, bundle.getString("entry[0].resource.entity[0].what.reference"));
        assertEquals("patient", bundle.getString("entry[0].resource.entity[1].name"));
        assertEquals(patient.toString(), bundle.getString("entry[0].resource.entity[1].what.identifier.value"));
        assertEquals("intake", bundle.getString("entry[0].resource.source.site"));
        List<String> ids = bundle.getList("entry.resource.id");
        assertTrue(ids.get(0).startsWith("intake-") && number(ids.get(0)) > number(ids.get(1)), ids.toString());
        assertTrue(bundle.getString("entry[0].fullUrl").endsWith("/fhir/r4/AuditEvent/" + ids.get(0)));
        assertNull(bundle.getString("link.find { it.relation == 'next' }"));
    }

    @Test
    void agentAndDateNarrowTheSearch() {
        UUID patient = registerPatient();
        String reader = "dr-" + UUID.randomUUID();
        as(Tokens.forStaff(reader, Roles.CLINICIAN)).get("/patients/" + patient).then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertEquals(List.of(reader), search("patient=" + patient + "&agent=" + reader)
                .getList("entry.resource.collect { it.agent[0].who.identifier.value }"));
        // The director's own searches are in the log too: the agent keeps them out of these.
        String byReader = "patient=" + patient + "&agent=" + reader;
        assertEquals(1, search(byReader + "&date=ge" + today.minusDays(1) + "&date=lt" + today.plusDays(1))
                .getList("entry").size());
        assertEquals(1, search(byReader + "&date=" + today).getList("entry").size());
        assertNull(search(byReader + "&date=lt" + today.minusDays(1)).get("entry"));
        assertNull(search(byReader + "&date=gt" + today).get("entry"));
        assertNull(search(byReader + "&date=ge" + today.minusDays(1) + "&date=lt" + today).get("entry"));

        for (String bad : List.of("date=sa" + today, "date=yesterday", "patient=" + patient + "&patient=" + patient,
                "cursor=-1", "subject=x")) {
            FhirValidation.assertValid(fhir(DIRECTOR).get("/AuditEvent?" + bad).then().statusCode(400)
                    .contentType("application/fhir+json").extract().asString());
        }
    }

    @Test
    void aCursorInTheNextLinkPagesThroughEveryEventOnce() {
        UUID patient = registerPatient();
        for (int i = 0; i < 3; i++) {
            as(Tokens.forRole(Roles.CLINICIAN)).get("/patients/" + patient).then().statusCode(200);
        }

        JsonPath page = search("patient=" + patient + "&_count=3");
        List<String> paged = new ArrayList<>(page.getList("entry.resource.id"));
        assertEquals(List.of("read", "read", "read"), page.getList("entry.resource.collect { it.subtype[0].code }"));
        URI next = URI.create(page.getString("link.find { it.relation == 'next' }.url"));
        assertTrue(next.getRawQuery().contains("cursor=" + number(paged.get(2))), next.toString());
        // The first search is recorded now, newer than the cursor: the next page goes on where the first ended.
        page = JsonPath.from(given().auth().oauth2(DIRECTOR).accept("application/fhir+json")
                .urlEncodingEnabled(false).get(next.getRawPath() + "?"
                        + next.getRawQuery())
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("create"), page.getList("entry.resource.collect { it.subtype[0].code }"));
        paged.addAll(page.getList("entry.resource.id"));
        assertNull(page.getString("link.find { it.relation == 'next' }"));

        JsonPath all = search("patient=" + patient);
        assertEquals(List.of("search", "search"), all.getList("entry.resource.collect { it.subtype[0].code }")
                .subList(0, 2));
        assertEquals(paged, all.getList("entry.resource.id").subList(2, 6));
    }

    @Test
    void anEventIsReadByItsIdByADirectorOnly() {
        UUID patient = registerPatient();
        String id = search("patient=" + patient).getString("entry[0].resource.id");

        FhirValidation.assertValid(fhir(DIRECTOR).get("/AuditEvent/" + id).then().statusCode(200)
                .extract().asString());
        for (String other : List.of("scheduling-1", "intake-0", "intake-abc", "99999999999")) {
            fhir(DIRECTOR).get("/AuditEvent/" + other).then().statusCode(404);
        }
        fhir(Tokens.forRole(Roles.CLINICIAN)).get("/AuditEvent/" + id).then().statusCode(403);
        fhir(Tokens.forRole(Roles.CLINICIAN)).get("/AuditEvent?patient=" + patient).then().statusCode(403);
        fhir(Tokens.forEhrClient("ehr-northside")).get("/AuditEvent?patient=" + patient).then().statusCode(403);
    }

    private static JsonPath search(String query) {
        return JsonPath.from(FhirValidation.assertValid(fhir(DIRECTOR).urlEncodingEnabled(false)
                .get("/AuditEvent?" + query).then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", org.hamcrest.Matchers.equalTo("Bundle")).extract().asString()));
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
