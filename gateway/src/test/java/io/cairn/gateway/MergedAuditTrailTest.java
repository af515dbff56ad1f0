package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every service keeps its own audit log; through the gateway a program director reads them as one, newest first,
 * paged by one cursor (Backends' stand-ins hold ten records between them, see {@link Backends#AUDIT_MINUTES}).
 */
@QuarkusTest
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(Backends.class)
class MergedAuditTrailTest {

    static final String DIRECTOR = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
    static final List<String> NEWEST_FIRST = List.of("worklist-1", "scheduling-4", "intake-3", "scheduling-3",
            "treatment-plan-2", "intake-2", "scheduling-2", "scheduling-1", "treatment-plan-1", "intake-1");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void everyServicesLogIsOneListNewestFirst() {
        Response answer = given().auth().oauth2(DIRECTOR).get("/api/v1/audit-events");
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(NEWEST_FIRST, names(answer.jsonPath()));
        assertNull(answer.header("Link"), "one page holds them all");
    }

    @Test
    void aCursorPagesThroughTheMergedLogShowingEachRecordOnce() {
        List<String> seen = new ArrayList<>();
        int served = Backends.SERVED_AUDIT_RECORDS.get();
        Response page = given().auth().oauth2(DIRECTOR).queryParam("size", 3).get("/api/v1/audit-events");
        int pages = 0;
        while (true) {
            assertEquals(200, page.statusCode(), page.asString());
            List<String> names = names(page.jsonPath());
            assertTrue(names.size() <= 3, names.toString());
            seen.addAll(names);
            pages++;
            String link = page.header("Link");
            if (link == null) {
                break;
            }
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find(), link);
            assertTrue(next.group(1).contains("size=3"), link);
            page = given().auth().oauth2(DIRECTOR).urlEncodingEnabled(false).get(next.group(1));
        }
        assertEquals(NEWEST_FIRST, seen);
        assertEquals(4, pages);
        // A service is asked for no more than a page each time, wherever its cursor stands.
        assertTrue(Backends.SERVED_AUDIT_RECORDS.get() - served <= 4 * 3 * 4, "read too much");
    }

    @Test
    void recordsWrittenWhileADirectorPagesDoNotShiftThePages() {
        Response first = given().auth().oauth2(DIRECTOR).queryParam("size", 4).get("/api/v1/audit-events");
        assertEquals(NEWEST_FIRST.subList(0, 4), names(first.jsonPath()));
        List<Integer> intake = Backends.AUDIT_MINUTES.get(Backend.INTAKE);
        Backends.AUDIT_MINUTES.put(Backend.INTAKE, concat(intake, 59));
        Backends.AUDIT_MINUTES.put(Backend.AFTERCARE, List.of(59));
        try {
            Matcher next = NEXT.matcher(first.header("Link"));
            assertTrue(next.find());
            Response second = given().auth().oauth2(DIRECTOR).urlEncodingEnabled(false).get(next.group(1));
            assertEquals(NEWEST_FIRST.subList(4, 8), names(second.jsonPath()));
        } finally {
            Backends.AUDIT_MINUTES.put(Backend.INTAKE, intake);
            Backends.AUDIT_MINUTES.put(Backend.AFTERCARE, List.of());
        }
    }

    @Test
    void fhirAuditEventsAreMergedTheSameWay() {
        String body = given().auth().oauth2(DIRECTOR).queryParam("_count", 6).get("/fhir/r4/AuditEvent").then()
                .statusCode(200).contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset")).extract().asString();
        JsonPath bundle = JsonPath.from(body);
        assertEquals(NEWEST_FIRST.subList(0, 6), bundle.getList("entry.resource.id"));
        String next = bundle.getString("link.find { it.relation == 'next' }.url");
        assertTrue(next.contains("_count=6&cursor="), next);
        JsonPath rest = JsonPath.from(given().auth().oauth2(DIRECTOR).urlEncodingEnabled(false).get(next).then()
                .statusCode(200).extract().asString());
        assertEquals(NEWEST_FIRST.subList(6, 10), rest.getList("entry.resource.id"));
        assertNull(rest.getString("link.find { it.relation == 'next' }"));
    }

    @Test
    void anAuditEventIsReadFromTheServiceItsIdNamesAlone() {
        int intake = Backends.received(Backend.INTAKE);
        int scheduling = Backends.received(Backend.SCHEDULING);

        given().auth().oauth2(DIRECTOR).get("/fhir/r4/AuditEvent/scheduling-3").then().statusCode(200)
                .body("backend", equalTo("SCHEDULING")).body("path", equalTo("/fhir/r4/AuditEvent/scheduling-3"));
        given().auth().oauth2(DIRECTOR).get("/fhir/r4/AuditEvent/nobody-3").then().statusCode(404)
                .contentType("application/fhir+json");

        assertEquals(scheduling + 1, Backends.received(Backend.SCHEDULING));
        assertEquals(intake, Backends.received(Backend.INTAKE));
    }

    @Test
    void theServicesRefusalIsTheAnswerAndAGapIsA503() throws Exception {
        given().auth().oauth2(Tokens.forRole(Roles.CLINICIAN)).get("/api/v1/audit-events").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(DIRECTOR).queryParam("size", "many").get("/api/v1/audit-events").then()
                .statusCode(400);
        FhirValidation.assertValid(given().auth().oauth2(DIRECTOR).queryParam("cursor", "not-ours")
                .get("/fhir/r4/AuditEvent").then().statusCode(400).contentType("application/fhir+json")
                .extract().asString());
        given().auth().oauth2(DIRECTOR).queryParam("cursor", "MS4y").get("/api/v1/audit-events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor"));
        Backends.stop(Backend.AFTERCARE);
        try {
            given().auth().oauth2(DIRECTOR).get("/api/v1/audit-events").then().statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            Backends.restart(Backend.AFTERCARE);
        }
    }

    private static List<String> names(JsonPath page) {
        List<String> names = new ArrayList<>();
        List<Object> ids = page.getList("id");
        List<String> services = page.getList("service");
        for (int i = 0; i < ids.size(); i++) {
            names.add(services.get(i) + "-" + ids.get(i));
        }
        return names;
    }

    private static List<Integer> concat(List<Integer> list, int last) {
        List<Integer> longer = new ArrayList<>(list);
        longer.add(last);
        return List.copyOf(longer);
    }
}
