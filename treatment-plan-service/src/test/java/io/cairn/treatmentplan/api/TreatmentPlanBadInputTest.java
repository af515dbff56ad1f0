package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 problem+json naming what was wrong, and the plan does not change. */
@QuarkusTest
class TreatmentPlanBadInputTest {

    @Test
    void aBadEditIs400AndLeavesThePlanAsItWas() {
        JsonPath plan = draftPlan(UUID.randomUUID());
        String id = plan.getString("id");
        String good = PlanLifecycleTest.editBody(plan, 1, "9");

        edit(id, "{\"planVersion\": 1, ").statusCode(400).body("type", equalTo("https://cairn.io/problems/malformed-request"));
        edit(id, good.replace("\"weeklyHours\":9", "\"weeklyHours\":\"nine\"")).statusCode(400)
                .body("violations[0].field", equalTo("weeklyHours"));
        edit(id, good.replace("\"planVersion\":1,", "")).statusCode(400)
                .body("violations.field", hasItem("planVersion"));
        edit(id, good.replace("\"alcohol-use\"", "\"gambling\"")).statusCode(400)
                .body("violations[0].field", equalTo("problems[0].kind"));
        edit(id, good.replace("\"preferredSchedule\":\"evening\"", "\"preferredSchedule\":\"night\""))
                .statusCode(400).body("violations[0].field", equalTo("preferredSchedule"));
        edit(id, good.replace("\"changeNote\":\"more evening groups\"", "\"changeNote\":\"" + "x".repeat(1001) + "\""))
                .statusCode(400).body("violations[0].field", equalTo("changeNote"));
        edit(id, good.replace("\"kind\"", "\"unknownField\":1,\"kind\"")).statusCode(400)
                .body("violations[0].field", equalTo("problems[0].unknownField"));

        as(CLINICIAN).get("/treatment-plans/" + id).then().body("planVersion", equalTo(1));
        as(CLINICIAN).get("/treatment-plans/" + id + "/versions").then().body("size()", equalTo(1));
    }

    @Test
    void aProgressNoteOnAnUnknownObjectiveOrWithoutTextIs400() {
        String id = activePlan(UUID.randomUUID());

        as(CLINICIAN).body("{\"objectiveId\":\"" + UUID.randomUUID() + "\",\"status\":\"met\",\"note\":\"done\"}")
                .post("/treatment-plans/" + id + "/progress-notes").then().statusCode(400)
                .body("violations[0].field", equalTo("objectiveId"));
        as(CLINICIAN).body("{\"objectiveId\":\"" + UUID.randomUUID() + "\",\"status\":\"finished\",\"note\":\"\"}")
                .post("/treatment-plans/" + id + "/progress-notes").then().statusCode(400);
        as(CLINICIAN).get("/treatment-plans/" + id + "/progress-notes").then().body("size()", equalTo(0));
    }

    @Test
    void aDischargeWithAnUnknownReasonIs400AndTheEpisodeGoesOn() {
        String id = activePlan(UUID.randomUUID());

        as(CLINICIAN).body("{\"reason\":\"bored\"}").post("/treatment-plans/" + id + "/discharge").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        as(CLINICIAN).body("{\"dischargedOn\":\"2999-01-01\",\"overrideReason\":\"x\"}")
                .post("/treatment-plans/" + id + "/graduate").then().statusCode(400)
                .body("violations[0].field", equalTo("dischargedOn"));
        as(CLINICIAN).body("{\"dischargedOn\":\"2020-01-01\",\"overrideReason\":\"x\"}")
                .post("/treatment-plans/" + id + "/graduate").then().statusCode(400)
                .body("violations[0].field", equalTo("dischargedOn"));
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("status", equalTo("active"));
    }

    private static io.restassured.response.ValidatableResponse edit(String id, String body) {
        return as(CLINICIAN).body(body).put("/treatment-plans/" + id).then();
    }
}
