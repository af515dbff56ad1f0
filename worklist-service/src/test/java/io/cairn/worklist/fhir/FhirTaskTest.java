package io.cairn.worklist.fhir;

import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.cairn.worklist.api.Worklists.CLINICIAN;
import static io.cairn.worklist.api.Worklists.as;
import static io.cairn.worklist.api.Worklists.awaitTasks;
import static io.cairn.worklist.api.Worklists.checkInAlert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff clients read the worklist as FHIR Tasks: the same tasks, the same roles, searched by patient, status, owner. */
@QuarkusTest
@QuarkusTestResource(SmtpResource.class)
class FhirTaskTest {

    @Test
    void aSafetyAlertIsAReadyUrgentTaskThenAcceptedByWhoClaimedItThenCompletedWithItsOutcome() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient));
        String id = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");

        FhirValidation.assertValid(fhir(CLINICIAN).get("/Task/" + id).then().statusCode(200)
                .contentType(containsString(FHIR_JSON)).header("ETag", equalTo("W/\"0\""))
                .body("resourceType", equalTo("Task")).body("id", equalTo(id))
                .body("status", equalTo("ready")).body("intent", equalTo("order"))
                .body("priority", equalTo("urgent"))
                .body("code.coding[0].system", equalTo(FhirTasks.KIND_SYSTEM))
                .body("code.coding[0].code", equalTo("safety-alert"))
                .body("description", containsString("PHQ-9 item 9"))
                .body("for.reference", equalTo("Patient/" + patient))
                .body("performerType[0].coding[0].code", equalTo("clinician"))
                .body("restriction.period.end", notNullValue())
                .body("meta.security.code", hasItem("ETH"))
                .extract().asString());

        String clinician = Tokens.forStaff("dr-okafor", Roles.CLINICIAN);
        as(clinician).body("{\"version\":0}").post("/tasks/" + id + "/claim").then().statusCode(200);
        fhir(CLINICIAN).get("/Task/" + id).then().statusCode(200).body("status", equalTo("accepted"))
                .body("owner.identifier.system", equalTo(FhirTasks.STAFF_SYSTEM))
                .body("owner.identifier.value", equalTo("dr-okafor"));
        search(CLINICIAN, "patient=Patient/" + patient + "&owner=dr-okafor").body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(id))
                .body("entry[0].fullUrl", containsString("/fhir/r4/Task/" + id));
        search(CLINICIAN, "patient=" + patient + "&owner=someone-else").body("total", equalTo(0));
        search(CLINICIAN, "patient=" + patient + "&status=ready").body("total", equalTo(0));
        search(CLINICIAN, "patient=" + patient + "&status=accepted").body("total", equalTo(1));
        search(CLINICIAN, "patient=" + patient + "&status=in-progress").body("total", equalTo(0));

        as(clinician).body("{\"version\":1,\"outcome\":\"crisis-referral\",\"note\":\"Mobile crisis team sent\"}")
                .post("/tasks/" + id + "/complete").then().statusCode(200);
        FhirValidation.assertValid(fhir(CLINICIAN).get("/Task/" + id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("businessStatus.coding[0].code", equalTo("crisis-referral"))
                .body("note[0].text", equalTo("Mobile crisis team sent"))
                .body("executionPeriod.end", notNullValue()).extract().asString());
        search(CLINICIAN, "patient=" + patient).body("total", equalTo(1));
        search(CLINICIAN, "patient=" + patient + "&status=completed").body("total", equalTo(1));
    }

    @Test
    void aSearchIsPagedAndEachCallerSeesTheirRolesTasksOnly() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient), checkInAlert(patient));
        awaitTasks(patient, "kind=safety-alert", 2);

        FhirValidation.assertValid(search(CLINICIAN, "patient=" + patient + "&_count=1").body("total", equalTo(2))
                .body("entry", hasSize(1)).body("link.relation", hasItems("self", "next")).extract().asString());
        search(CLINICIAN, "patient=" + patient + "&_count=1&_page=1").body("entry", hasSize(1))
                .body("link.relation", hasItems("self", "previous"));
        // _offset, the gateway's window into this service's share of a merged search, starts at any match.
        search(CLINICIAN, "patient=" + patient + "&_count=1&_offset=1").body("total", equalTo(2))
                .body("entry", hasSize(1));
        // _count=0 asks only how many, as _summary=count does: nothing is read, so nothing is audited.
        FhirValidation.assertValid(search(CLINICIAN, "patient=" + patient + "&_count=0").body("total", equalTo(2))
                .body("entry", nullValue()).body("link.relation", contains("self")).extract().asString());

        // A safety alert is the clinician's: a scheduler neither finds it nor reads it.
        String scheduler = Tokens.forRole(Roles.SCHEDULER);
        search(scheduler, "patient=" + patient).body("total", equalTo(0));
        String id = fhir(CLINICIAN).queryParam("patient", patient.toString()).get("/Task").then().extract()
                .path("entry[0].resource.id");
        fhir(scheduler).get("/Task/" + id).then().statusCode(404).contentType(containsString(FHIR_JSON));
    }

    @Test
    void aClaimedTaskIsWhatChangedSinceTheyWereRaised() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient), checkInAlert(patient));
        awaitTasks(patient, "kind=safety-alert", 2);
        io.restassured.path.json.JsonPath raised = io.restassured.path.json.JsonPath.from(search(CLINICIAN,
                "patient=" + patient + "&_sort=_lastUpdated").body("total", equalTo(2)).extract().asString());
        String last = raised.getString("entry[1].resource.meta.lastUpdated");
        String claimed = raised.getString("entry[0].resource.id");

        as(CLINICIAN).body("{\"version\":" + raised.getString("entry[0].resource.meta.versionId") + "}")
                .post("/tasks/" + claimed + "/claim").then().statusCode(200);
        fhir(CLINICIAN).queryParam("patient", patient.toString()).queryParam("_lastUpdated", "gt" + last)
                .get("/Task").then().statusCode(200).body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(claimed)).body("entry[0].resource.status", equalTo("accepted"));
        fhir(CLINICIAN).queryParam("patient", patient.toString()).queryParam("_sort", "-_lastUpdated").get("/Task")
                .then().statusCode(200).body("entry[0].resource.id", equalTo(claimed));
        search(CLINICIAN, "patient=" + patient + "&_id=" + claimed).body("total", equalTo(1));
        search(CLINICIAN, "patient=" + patient + "&_id=task-1").body("total", equalTo(0));
    }

    @Test
    void patientsAndEhrsReadNoneOfItAndABadSearchIsAnOperationOutcome() {
        UUID patient = UUID.randomUUID();
        for (String outsider : new String[] { Tokens.forPatient(patient), EHR_TOKEN }) {
            fhir(outsider).queryParam("patient", patient.toString()).get("/Task").then().statusCode(403);
            fhir(outsider).get("/Task/" + UUID.randomUUID()).then().statusCode(403);
        }
        given().accept(FHIR_JSON).get("/fhir/r4/Task").then().statusCode(401);

        FhirValidation.assertValid(fhir(CLINICIAN).queryParam("status", "half-done").get("/Task").then()
                .statusCode(400).contentType(containsString(FHIR_JSON))
                .body("issue.expression.flatten()", hasItem("status")).extract().asString());
        fhir(CLINICIAN).queryParam("code", "safety-alert").get("/Task").then().statusCode(400);
        fhir(CLINICIAN).get("/Task/not-a-task").then().statusCode(404);
        FhirValidation.assertValid(given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", hasItem("Task"))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam.name", hasItems("patient", "status", "owner"))
                .extract().asString());
    }

    private static io.restassured.response.ValidatableResponse search(String token, String query) {
        return fhir(token).get("/Task?" + query).then().statusCode(200).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"));
    }
}
