package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The demo program bin/cairn-local makes on first start, as a newcomer finds it. */
class DemoProgramIT {

    @Test
    void theDemoPatientLogsInToTheirOwnPlanAndSchedule() {
        String patientToken = tokenOf("patient", "patient");
        String patientId = JsonPath.from(new String(Base64.getUrlDecoder().decode(patientToken.split("\\.")[1])))
                .getString("patient_id");

        as(patientToken).get("/patients/" + patientId).then().statusCode(200);
        JsonPath plans = as(patientToken).queryParam("patientId", patientId).get("/treatment-plans").jsonPath();
        assertEquals("active", plans.getString("[0].status"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !as(patientToken)
                .get("/patients/" + patientId + "/schedule").jsonPath().getList("").isEmpty());
    }

    @Test
    void theProgramHasItsTracksAndPatientsAtDifferentStages() {
        as(tokenOf("scheduler", "scheduler")).queryParam("size", 500).get("/tracks").then().statusCode(200)
                .body("name", hasItems("Morning adult track", "Evening adult track", "Weekend adolescent track"));
        String coordinator = tokenOf("coordinator", "coordinator");
        for (String family : new String[] { "Reyes", "Park", "Ortiz" }) {
            JsonPath found = as(coordinator).queryParam("name", family).get("/patients").jsonPath();
            assertFalse(found.getList("").isEmpty(), family);
        }
    }
}
