package io.cairn.treatmentplan.fhir;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an EHR needs to sync instead of re-reading everything: meta.lastUpdated that moves with every change
 * (progress too), {@code _lastUpdated}, {@code _id} and {@code _sort} on every search, and a plan's goals brought along
 * with it ({@code _include}, {@code _revinclude}).
 */
@QuarkusTest
class FhirIncrementalSyncTest {

    @Inject
    EntityManager entities;

    @Test
    void lastUpdatedMovesWithProgressAndSelectsWhatChanged() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        JsonPath read = JsonPath.from(fhir(CLINICIAN).get("/CarePlan/" + plan).then().statusCode(200)
                .body("meta.lastUpdated", notNullValue()).extract().asString());
        String seen = read.getString("meta.lastUpdated");

        // Nothing changed since the EHR's last read; everything did before it.
        changedSince("CarePlan", patient, "gt" + seen).body("total", equalTo(0));
        changedSince("CarePlan", patient, "le" + seen).body("total", equalTo(1));
        changedSince("CarePlan", patient, "ge" + seen, "lt2199-01-01").body("total", equalTo(1));

        // Progress on an objective changes the plan (its version moves through the progress collection alone).
        String objective = as(CLINICIAN).get("/treatment-plans/" + plan).jsonPath()
                .getString("problems[0].objectives[0].id");
        as(CLINICIAN).body("{\"objectiveId\":\"" + objective + "\",\"status\":\"progressing\",\"note\":\"steady\"}")
                .post("/treatment-plans/" + plan + "/progress-notes").then().statusCode(201);
        String changed = FhirValidation.assertValid(changedSince("CarePlan", patient, "gt" + seen)
                .body("total", equalTo(1)).body("entry[0].resource.id", equalTo(plan)).extract().asString());
        assertTrue(Instant.parse(JsonPath.from(changed).getString("entry[0].resource.meta.lastUpdated"))
                .isAfter(Instant.parse(seen)));
        // The plan's goals changed with it.
        changedSince("Goal", patient, "gt" + seen).body("total", equalTo(2));
    }

    private static ValidatableResponse changedSince(String type, UUID patient, String... lastUpdated) {
        return fhir(CLINICIAN).queryParam("patient", patient.toString())
                .queryParam("_lastUpdated", (Object[]) lastUpdated).get("/" + type).then().statusCode(200);
    }

    @Test
    void idAndSortSelectAndOrderEverySearch() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_id=" + UUID.randomUUID() + "," + plan).then()
                .statusCode(200).body("total", equalTo(1)).body("entry[0].resource.id", equalTo(plan));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_id=not-ours").then().statusCode(200)
                .body("total", equalTo(0));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_id=" + plan + ",," + plan).then().statusCode(200)
                .body("total", equalTo(1));
        // The audit log pages by its cursor only: another window is refused rather than ignored.
        String director = io.cairn.testkit.Tokens.forRole(io.cairn.contracts.Roles.PROGRAM_DIRECTOR);
        fhir(director).get("/AuditEvent?_offset=5").then().statusCode(400)
                .body("issue.expression.flatten()", hasItem("_offset"));
        fhir(director).get("/AuditEvent?_id=treatment-plan-1,treatment-plan-1").then().statusCode(200);
        List<String> goals = JsonPath.from(fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_sort=_lastUpdated")
                .then().statusCode(200).body("total", equalTo(2)).extract().asString()).getList("entry.resource.id");
        fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_sort=-_lastUpdated").then().statusCode(200)
                .body("entry.resource.id", contains(goals.get(1), goals.get(0)));
        fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_id=" + goals.get(1)).then().statusCode(200)
                .body("entry.resource.id", contains(goals.get(1)));

        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_sort=status").then().statusCode(400)
                .contentType(FHIR_JSON).body("issue.expression.flatten()", hasItem("_sort"));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_lastUpdated=yesterday").then().statusCode(400)
                .body("issue.expression.flatten()", hasItem("_lastUpdated"));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_lastUpdated=ap2026-12-01").then().statusCode(400);
    }

    @Test
    void aPlanBringsItsGoalsAndAGoalItsPlan() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        String withGoals = FhirValidation.assertValid(fhir(CLINICIAN)
                .get("/CarePlan?patient=" + patient + "&_include=CarePlan:goal").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry.search.mode", contains("match", "include", "include"))
                .body("entry.resource.resourceType", contains("CarePlan", "Goal", "Goal")).extract().asString());
        List<String> referenced = JsonPath.from(withGoals).getList("entry[0].resource.goal.reference");
        JsonPath.from(withGoals).getList("entry.findAll { it.search.mode == 'include' }.resource.id")
                .forEach(goal -> assertTrue(referenced.contains("Goal/" + goal)));

        FhirValidation.assertValid(fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_revinclude=CarePlan:goal")
                .then().statusCode(200).body("total", equalTo(2))
                .body("entry.search.mode", contains("match", "match", "include"))
                .body("entry[2].resource.id", equalTo(plan)).extract().asString());
        // Without asking, nothing comes along.
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient).then().body("entry.search.mode", everyItem(
                equalTo("match")));

        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_include=CarePlan:subject").then().statusCode(400)
                .body("issue.expression.flatten()", hasItem("_include"));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_include=*").then().statusCode(400);
        fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_include=CarePlan:goal").then().statusCode(400);
    }

    @Test
    void aSearchRecordsTheReadsOfWhatItAnswersAndNoOthers() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient);
        long before = readsOf(plan);
        // Counted, selected away, or on another page: the plan is not read, so not disclosed.
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_count=0").then().body("total", equalTo(1));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_id=" + UUID.randomUUID()).then()
                .body("total", equalTo(0));
        fhir(CLINICIAN).get("/CarePlan?patient=" + patient + "&_offset=1").then().body("total", equalTo(1));
        fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_count=0").then().body("total", equalTo(2));
        assertEquals(before, readsOf(plan));

        fhir(CLINICIAN).get("/CarePlan?patient=" + patient).then().body("total", equalTo(1));
        assertEquals(before + 1, readsOf(plan));
        // Two goals of one plan on the page: the plan is read once.
        fhir(CLINICIAN).get("/Goal?patient=" + patient + "&_revinclude=CarePlan:goal").then()
                .body("total", equalTo(2));
        assertEquals(before + 2, readsOf(plan));
    }

    private long readsOf(String plan) {
        return Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'read' AND resource_id = '"
                + plan + "'");
    }

    @Test
    void theCapabilityStatementListsTheSyncParametersAndIncludes() {
        String statement = given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.find { it.type == 'CarePlan' }.searchParam.name",
                        hasItems("patient", "_id", "_lastUpdated"))
                .body("rest[0].resource.find { it.type == 'CarePlan' }.searchInclude", contains("CarePlan:goal"))
                .body("rest[0].resource.find { it.type == 'Goal' }.searchRevInclude", contains("CarePlan:goal"))
                .body("rest[0].resource.find { it.type == 'AuditEvent' }.searchParam.name",
                        containsInAnyOrder("patient", "agent", "date", "_id", "_lastUpdated"))
                .body("rest[0].resource.find { it.type == 'CarePlan' }.searchParam.find { it.name == '_lastUpdated' }"
                        + ".definition", equalTo("http://hl7.org/fhir/SearchParameter/Resource-lastUpdated"))
                .body("rest[0].resource.find { it.type == 'Goal' }.searchInclude", nullValue())
                .extract().asString();
        FhirValidation.assertValid(statement);
    }
}
