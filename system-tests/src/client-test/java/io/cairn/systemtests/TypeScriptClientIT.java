package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A patient's app written in TypeScript against the client openapi-generator (typescript-fetch) made from the
 * gateway's merged OpenAPI document, compiled with {@code tsc --strict} and run on Node.js
 * ({@code src/typescript-client-test/patient-app.ts}). This test moves the patient's journey on as the care team
 * would, and runs each of the app's steps where the journey has reached it.
 */
class TypeScriptClientIT {

    private static final Path APP = Path.of("target/clients/typescript-build/src/typescript-client-test/patient-app.js");

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");
    final String caseManager = tokenOf("case-manager", "case-manager");

    @Test
    void aPatientsTypeScriptAppFollowsThemFromTheirPlanToTheirFirstCheckIn() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        // Three blocks of 3 h 20 min: 10 hours a week, which no other test's track gives.
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC), "21:20");
        UUID patient = UUID.fromString(as(coordinator).body("""
                {"givenName":"Avery","familyName":"Script-%s","birthDate":"1991-03-09","sex":"female",
                 "ageGroup":"adult","preferredSchedule":"evening",
                 "identifiers":[{"system":"urn:ehr:demo:mrn","value":"TS-%s"}]}""".formatted(unique, unique))
                .post("/patients").then().statusCode(201).extract().path("id"));
        Journey.consentToTheDemoEhr(coordinator, patient);
        String planId = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        // Agreed with the patient: the 10 hours a week this test's own track gives.
        String problems = Journey.problemsOf(as(clinician).get("/treatment-plans/" + planId).asString());
        as(clinician).body("""
                {"planVersion":1,"weeklyHours":10,"expectedWeeks":10,"preferredSchedule":"evening",
                 "changeNote":"Agreed with the patient","problems":%s}""".formatted(problems))
                .put("/treatment-plans/" + planId).then().statusCode(200);
        String patientToken = Platform.patientToken(patient);
        Map<String, String> app = Map.of("CAIRN_GATEWAY", Platform.GATEWAY, "CAIRN_TOKEN", patientToken,
                "CAIRN_PATIENT_ID", patient.toString(), "CAIRN_PLAN_ID", planId, "CAIRN_OTHER_PLAN_ID",
                UUID.randomUUID().toString());

        run(app, "plan");
        as(clinician).post("/treatment-plans/" + planId + "/approve").then().statusCode(200);
        Journey.awaitEnrollment(scheduler, patientToken, patient);
        run(app, "schedule");

        as(Platform.ehrToken()).get("/patients/" + patient).then().statusCode(200);
        as(clinician).body("{\"overrideReason\":\"TypeScript client test: goals met early\"}")
                .post("/treatment-plans/" + planId + "/graduate").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(caseManager).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);
        run(app, "aftercare");
        JsonPath checkIn = as(caseManager).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath();
        String referral = checkIn.getString("[0].id");
        assertEquals(6, as(caseManager).get("/aftercare-referrals/" + referral + "/check-ins").jsonPath()
                .getInt("[0].phq9Score"), "the app's check-in is recorded");
    }

    /** Runs one step of the app on Node.js; its output is the failure message when it fails. */
    private static void run(Map<String, String> environment, String step) throws IOException, InterruptedException {
        ProcessBuilder node = new ProcessBuilder("node", APP.toString(), step).redirectErrorStream(true);
        node.environment().putAll(environment);
        Process process = node.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(0, process.exitValue(), "the app's step " + step + " failed:\n" + output);
    }
}
