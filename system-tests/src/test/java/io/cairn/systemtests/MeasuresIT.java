package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measurement-based care through the gateway with Keycloak's tokens: a patient in the program answers weekly PHQ-9s
 * from their own token; the third is six points above the assessment's 12, and a clinician's task appears on the
 * worklist. Nobody else's token reaches the patient's measures.
 */
class MeasuresIT {

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");

    @Test
    void aPatientsWeeklyPhq9sShowAReliableWorseningAndAClinicianIsGivenTheTask() {
        UUID patient = Journey.register(coordinator, "Measures-" + UUID.randomUUID().toString().substring(0, 8));
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient); // PHQ-9 12 at assessment
        String patientToken = Platform.patientToken(patient);
        Journey.agreeAndApprove(clinician, patientToken, plan);
        String measures = "/patients/" + patient + "/measures";

        as(patientToken).get(measures + "/due").then().statusCode(200);
        for (String answers : new String[] { "1,2,2,2,1,1,1,0,0", "2,2,2,2,2,1,1,1,0", "2,2,3,2,2,2,2,3,0" }) {
            String[] items = answers.split(",");
            StringBuilder body = new StringBuilder("{\"instrument\":\"PHQ-9\",\"answers\":{");
            for (int i = 0; i < items.length; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(i + 1).append("\":").append(items[i]);
            }
            as(patientToken).body(body.append("}}").toString()).post(measures).then().statusCode(201);
        }

        JsonPath series = as(patientToken).get(measures).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(12, 10, 13, 18), series.getList("find { it.instrument == 'PHQ-9' }.measures.score"));
        assertEquals(6, series.getInt("find { it.instrument == 'PHQ-9' }.change"));
        assertEquals("worse", series.getString("find { it.instrument == 'PHQ-9' }.reliableChange"));

        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).get("/tasks?kind=measure-worsened&patientId="
                + patient).jsonPath().getList("").size() == 1);
        as(clinician).get("/tasks?kind=measure-worsened&patientId=" + patient).then()
                .body("title", contains("PHQ-9 re-screen reliably worse since the program began"))
                .body("[0].about", equalTo("/api/v1" + measures)).body("[0].priority", equalTo("high"));

        // Another patient, and an EHR the patient gave no consent to, find nothing there.
        as(Platform.patientToken(UUID.randomUUID())).get(measures).then().statusCode(404);
        as(Platform.ehrToken()).get(measures).then().statusCode(404);
    }
}
