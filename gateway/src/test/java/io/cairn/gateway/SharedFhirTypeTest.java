package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Task is served by aftercare (follow-ups) and the worklist (the care team's tasks): the gateway reads a Task from the
 * service that holds it and answers a search with both services' matches as one paged Bundle (Backends' stand-ins
 * hold 3 follow-ups and 4 worklist tasks).
 */
@QuarkusTest
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(Backends.class)
class SharedFhirTypeTest {

    static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);
    static final String EHR = Tokens.forEhrClient("ehr-northside");

    @Test
    void aTaskIsReadFromTheServiceThatHoldsIt() {
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task/follow-up-2").then().statusCode(200)
                .contentType("application/fhir+json").header("ETag", "W/\"3\"").body("id", equalTo("follow-up-2"));
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task/task-3").then().statusCode(200)
                .body("id", equalTo("task-3"));
        FhirValidation.assertValid(given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task/nothing").then()
                .statusCode(404).contentType("application/fhir+json").body("issue[0].code", equalTo("not-found"))
                .extract().asString());
        // An EHR may not read worklist tasks: to it one is as absent as an id no one holds.
        given().auth().oauth2(EHR).get("/fhir/r4/Task/task-3").then().statusCode(404);
        given().auth().oauth2(EHR).get("/fhir/r4/Task/follow-up-1").then().statusCode(200);
    }

    @Test
    void aSearchPagesOverBothServicesMatchesWithOneTotal() {
        assertEquals(java.util.List.of("follow-up-1", "follow-up-2"), ids(search(CLINICIAN,
                "patient=p1&_count=2").body("total", equalTo(7)).body("link.relation", contains("self", "next"))
                .body("link.find { it.relation == 'next' }.url", endsWith("/fhir/r4/Task?patient=p1&_count=2&_page=1"))));
        assertEquals(java.util.List.of("follow-up-3", "task-1"), ids(search(CLINICIAN,
                "patient=p1&_count=2&_page=1").body("link.relation", contains("self", "previous", "next"))));
        // Each service is asked for exactly its share of the page: what it reads (and audits) is what is answered.
        int served = Backends.SERVED_TASKS.get();
        assertEquals(java.util.List.of("task-2", "task-3"), ids(search(CLINICIAN, "patient=p1&_count=2&_page=2")));
        assertEquals(served + 2, Backends.SERVED_TASKS.get());
        assertEquals(java.util.List.of("task-4"), ids(search(CLINICIAN, "patient=p1&_count=2&_page=3")
                .body("link.relation", contains("self", "previous"))));
        assertEquals(java.util.List.of("task-1", "task-2", "task-3"), ids(search(CLINICIAN,
                "patient=p1&_count=3&_page=1")));
        search(CLINICIAN, "patient=p1&_count=2&_page=9").body("total", equalTo(7)).body("entry", nullValue());

        int before = Backends.received(Backend.WORKLIST);
        search(CLINICIAN, "patient=p1&_count=0").body("total", equalTo(7)).body("entry", nullValue())
                .body("link.relation", contains("self"));
        assertEquals(before + 1, Backends.received(Backend.WORKLIST));
    }

    @Test
    void aServiceThatRefusesTheCallerOrTheSearchAddsNothing() {
        // The worklist refuses an EHR: its search is the follow-ups alone.
        assertEquals(java.util.List.of("follow-up-1", "follow-up-2", "follow-up-3"), ids(search(EHR, "patient=p1")
                .body("total", equalTo(3))));
        // Aftercare hides a patient from an EHR their consent does not name: to the EHR, nobody holds them.
        given().auth().oauth2(EHR).get("/fhir/r4/Task?patient=hidden").then().statusCode(404)
                .contentType("application/fhir+json");
        search(CLINICIAN, "patient=hidden").body("total", equalTo(4));
        // Follow-ups are searched by patient: a search without one is the worklist's alone...
        search(CLINICIAN, "status=ready").body("total", equalTo(4));
        // ...and an error when nobody can answer it.
        given().auth().oauth2(EHR).get("/fhir/r4/Task?status=ready").then().statusCode(400)
                .contentType("application/fhir+json").body("issue[0].code", equalTo("required"));
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1&_count=many").then().statusCode(400)
                .contentType("application/fhir+json");
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1&_offset=3").then().statusCode(400)
                .contentType("application/fhir+json");
    }

    @Test
    void aSortedSearchKeepsOneOrderOverBothServices() {
        assertEquals(java.util.List.of("follow-up-1", "task-1", "follow-up-2"), ids(search(CLINICIAN,
                "patient=p1&_sort=_lastUpdated&_count=3").body("total", equalTo(7))
                .body("link.relation", contains("self", "next"))));
        // Times are compared as instants, not as text (10:03:00.5 is before 10:03:00.61).
        assertEquals(java.util.List.of("task-2", "follow-up-3", "task-3"), ids(search(CLINICIAN,
                "patient=p1&_sort=_lastUpdated&_count=3&_page=1")));
        assertEquals(java.util.List.of("task-4"), ids(search(CLINICIAN, "patient=p1&_sort=_lastUpdated&_count=3"
                + "&_page=2").body("link.relation", contains("self", "previous"))));
        // The deepest page merged is answered; includes would bring what rows past the page reference.
        search(CLINICIAN, "patient=p1&_sort=_lastUpdated&_count=1&_page=999").body("link.relation",
                contains("self", "previous"));
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1&_sort=_lastUpdated&_include=Task:focus")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("issue[0].diagnostics", containsString("_include"));
        assertEquals(java.util.List.of("task-4", "task-3", "follow-up-3", "task-2"), ids(search(CLINICIAN,
                "patient=p1&_sort=-_lastUpdated&_count=4")));
        search(CLINICIAN, "patient=p1&_sort=_lastUpdated&_count=0").body("total", equalTo(7))
                .body("entry", nullValue());

        // Where one service alone has matches, it sorts and pages them itself: it reads only what is answered.
        int served = Backends.SERVED_TASKS.get();
        assertEquals(java.util.List.of("follow-up-3", "follow-up-2"), ids(search(EHR,
                "patient=p1&_sort=-_lastUpdated&_count=2").body("total", equalTo(3))));
        assertEquals(served + 2, Backends.SERVED_TASKS.get());
        search(CLINICIAN, "status=ready&_sort=-_lastUpdated&_count=2").body("entry.resource.id",
                contains("task-4", "task-3"));

        // A caller whose reads are disclosures or records of their own (an EHR, a patient) is merged only what fits
        // one page, so that every row the services record as read is a row it gets.
        String patient = io.cairn.testkit.Tokens.forPatient(java.util.UUID.randomUUID());
        given().auth().oauth2(patient).get("/fhir/r4/Task?patient=p1&_sort=_lastUpdated&_count=3").then()
                .statusCode(400).contentType("application/fhir+json")
                .body("issue[0].diagnostics", containsString("first page"));
        int before = Backends.SERVED_TASKS.get();
        assertEquals(java.util.List.of("follow-up-1", "task-1", "follow-up-2", "task-2", "follow-up-3", "task-3",
                "task-4"), ids(search(patient, "patient=p1&_sort=_lastUpdated&_count=7").body("total", equalTo(7))));
        assertEquals(before + 7, Backends.SERVED_TASKS.get());
        given().auth().oauth2(patient).get("/fhir/r4/Task?patient=p1&_sort=_lastUpdated&_count=7&_page=1").then()
                .statusCode(400);

        // Merging reads each service's first pages, so it goes no deeper than the gateway's limit.
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1&_sort=_lastUpdated&_count=100&_page=10")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("issue[0].diagnostics", containsString("_lastUpdated"));
        // An order the services do not keep is refused by them.
        given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1&_sort=status").then().statusCode(400)
                .contentType("application/fhir+json").body("issue[0].code", equalTo("invalid"));
    }

    @Test
    void aSearchOneServiceCannotAnswerFailsRatherThanMissingItsTasks() throws Exception {
        Backends.stop(Backend.WORKLIST);
        try {
            FhirValidation.assertValid(given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task?patient=p1").then()
                    .statusCode(503).contentType("application/fhir+json")
                    .body("issue[0].diagnostics", containsString("Not every service")).extract().asString());
            given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task/follow-up-1").then().statusCode(200);
            given().auth().oauth2(CLINICIAN).get("/fhir/r4/Task/task-1").then().statusCode(503);
        } finally {
            Backends.restart(Backend.WORKLIST);
        }
        search(CLINICIAN, "patient=p1").body("total", equalTo(7));
    }

    private static ValidatableResponse search(String token, String query) {
        return given().auth().oauth2(token).get("/fhir/r4/Task?" + query).then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"));
    }

    private static java.util.List<String> ids(ValidatableResponse bundle) {
        return bundle.extract().jsonPath().getList("entry.resource.id");
    }
}
