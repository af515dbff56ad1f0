package io.cairn.kit.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.kit.testapp.Database;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditEventResourceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    Database database;

    private final String director = Tokens.forStaff("director-" + UUID.randomUUID(), "program-director");

    @Test
    void aDirectorReadsAPatientsRecordsNewestFirstWithWhoWhatAndHow() {
        UUID patient = UUID.randomUUID();
        long first = record("2026-11-02T09:00:00Z", "dr-okafor", "clinician", "cairn-web", "read", "plan", patient);
        long second = record("2026-11-03T10:30:00.123456Z", "service-account-ehr-northside", "ehr-integration",
                "ehr-northside", "disclose", "patient", patient);
        record("2026-11-04T08:00:00Z", "dr-okafor", "clinician", "cairn-web", "read", "plan", UUID.randomUUID());

        Response answer = search(Map.of("patientId", patient.toString()));

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(List.of((int) second, (int) first), answer.jsonPath().getList("id"));
        Map<String, Object> disclosure = answer.jsonPath().getMap("[0]");
        assertEquals("kit-test", disclosure.get("service"));
        assertEquals("2026-11-03T10:30:00.123456Z", disclosure.get("occurredAt"));
        assertEquals("service-account-ehr-northside", disclosure.get("user"));
        assertEquals(List.of("ehr-integration"), disclosure.get("roles"));
        assertEquals("ehr-northside", disclosure.get("clientId"));
        assertEquals("disclose", disclosure.get("action"));
        assertEquals("patient", disclosure.get("resourceType"));
        assertEquals("resource-" + second, disclosure.get("resourceId"));
        assertEquals(patient.toString(), disclosure.get("patientId"));
        assertEquals("SUCCESS", disclosure.get("outcome"));
        assertNull(answer.header("Link"), "one page holds them all");
    }

    @Test
    void filtersCombine() {
        UUID patient = UUID.randomUUID();
        String user = "dr-" + UUID.randomUUID();
        long read = record("2026-10-01T12:00:00Z", user, "clinician", "cairn-web", "read", "plan", patient);
        long update = record("2026-10-02T12:00:00Z", user, "clinician", "cairn-mobile", "update", "plan", patient);
        long note = record("2026-10-03T12:00:00Z", user, "clinician", "cairn-web", "read", "progress-note", patient);
        long other = record("2026-10-03T13:00:00Z", "someone-else", "clinician", "cairn-web", "read", "plan", patient);

        assertEquals(ids(note, update, read), ids(search(Map.of("user", user))));
        assertEquals(ids(update), ids(search(Map.of("user", user, "clientId", "cairn-mobile"))));
        assertEquals(ids(note, read), ids(search(Map.of("user", user, "action", "read"))));
        assertEquals(ids(other, read), ids(search(Map.of("patientId", patient.toString(), "action", "read",
                "resourceType", "plan"))));
        assertEquals(ids(update), ids(search(Map.of("user", user, "from", "2026-10-02T00:00:00Z", "to",
                "2026-10-03T12:00:00Z"))));
    }

    @Test
    void aCursorPagesThroughEveryRecordOnceAndNewRecordsDoNotShiftIt() {
        String user = "dr-" + UUID.randomUUID();
        List<Long> written = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            written.add(0, record("2026-09-0" + day + "T12:00:00Z", user, "clinician", null, "read", "plan",
                    UUID.randomUUID()));
        }
        List<Long> seen = new ArrayList<>();
        Response page = search(Map.of("user", user, "size", "2"));
        int pages = 1;
        while (true) {
            assertEquals(200, page.statusCode(), page.asString());
            seen.addAll(ids(page));
            // Written while the director pages: newer than the first page, so never in a later one.
            record("2026-09-30T12:00:00Z", user, "clinician", null, "read", "plan", UUID.randomUUID());
            String link = page.header("Link");
            if (link == null) {
                break;
            }
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find(), link);
            assertTrue(next.group(1).contains("cursor=" + seen.get(seen.size() - 1)), link);
            page = given().auth().oauth2(director).urlEncodingEnabled(false).when().get(next.group(1));
            pages++;
        }
        assertEquals(written, seen);
        assertEquals(3, pages);
    }

    @Test
    void readingTheLogIsRecordedInIt() {
        UUID patient = UUID.randomUUID();
        record("2026-08-01T12:00:00Z", "dr-okafor", "clinician", null, "read", "plan", patient);
        String name = "director-" + UUID.randomUUID();

        given().auth().oauth2(Tokens.forStaff(name, "program-director")).queryParam("patientId", patient.toString())
                .when().get("/api/v1/audit-events").then().statusCode(200);

        assertEquals(List.of(List.of("search", "audit-event", "program-director", "SUCCESS")),
                database.rows("""
                        select action, resource_type, actor_roles, outcome from audit_event
                        where actor = ?1 and patient_id = ?2""", name, patient).stream()
                        .map(row -> List.of((Object[]) row)).toList());
        Response next = search(Map.of("patientId", patient.toString(), "action", "search"));
        assertEquals(List.of(name), next.jsonPath().getList("user"));
    }

    @Test
    void onlyAProgramDirectorReadsTheLog() {
        given().when().get("/api/v1/audit-events").then().statusCode(401);
        for (String token : List.of(Tokens.forRole("clinician"), Tokens.forRole("intake-coordinator"),
                Tokens.forRole("case-manager"), Tokens.forPatient(UUID.randomUUID()),
                Tokens.forEhrClient("ehr-northside"))) {
            given().auth().oauth2(token).when().get("/api/v1/audit-events").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aBadSearchIsA400NamingTheParameter() {
        Map<String, Map<String, String>> bad = Map.of(
                "cursor", Map.of("cursor", "abc"),
                "patientId", Map.of("patientId", "not-a-uuid"),
                "from", Map.of("from", "yesterday"),
                "size", Map.of("size", "501"));
        bad.forEach((parameter, query) -> {
            Response answer = search(query);
            assertEquals(400, answer.statusCode(), query + ": " + answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(answer.asString().contains(parameter), answer.asString());
        });
        assertEquals(400, search(Map.of("cursor", "0")).statusCode());
        assertEquals(400, search(Map.of("from", "2026-10-02T00:00:00Z", "to", "2026-10-01T00:00:00Z")).statusCode());
    }

    private Response search(Map<String, String> query) {
        return given().auth().oauth2(director).queryParams(query).when().get("/api/v1/audit-events");
    }

    private static List<Long> ids(Response answer) {
        return answer.jsonPath().getList("id", Long.class);
    }

    private static List<Long> ids(long... ids) {
        return java.util.Arrays.stream(ids).boxed().toList();
    }

    /** Writes an audit record as a service would have, at a given time; its id. */
    private long record(String at, String user, String roles, String client, String action, String type,
            UUID patient) {
        database.update("""
                insert into audit_event (occurred_at, actor, actor_roles, client_id, action, resource_type,
                                         patient_id, outcome)
                values (cast(?1 as timestamptz), ?2, ?3, cast(?4 as text), ?5, ?6, ?7, 'SUCCESS')""", at, user,
                roles, client == null ? null : client, action, type, patient);
        long id = ((Number) database.single("select max(id) from audit_event where actor = ?1", user)).longValue();
        database.update("update audit_event set resource_id = 'resource-' || id where id = ?1", id);
        return id;
    }
}
