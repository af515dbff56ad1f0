package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One patient from referral to aftercare and back, through the gateway only, with Keycloak's tokens. Every step that
 * crosses services waits for the event that carries it, so a broken event link fails the journey where it breaks.
 */
class PatientJourneyIT {

    static final Duration EVENTUAL = Duration.ofSeconds(30);

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");
    final String caseManager = tokenOf("case-manager", "case-manager");

    @Test
    void fromReferralToAftercareAndBackToIntakeAfterARelapse() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String unique = UUID.randomUUID().toString().substring(0, 8);

        // A track with room, meeting 9 hours a week, for the patient's evening preference.
        String track = as(scheduler)
                .body("""
                        {"name":"Evening journey %s","scheduleType":"evening","ageGroup":"adult","capacity":12,
                         "facilitatorId":"facilitator-%s","location":"Room 2","activeFrom":"%s",
                         "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process group"},
                                   {"day":"WEDNESDAY","start":"18:00","end":"21:00","groupType":"cbt-skills","title":"CBT skills"},
                                   {"day":"THURSDAY","start":"18:00","end":"21:00","groupType":"relapse-prevention","title":"Relapse prevention"}]}"""
                        .formatted(unique, unique, today.minusDays(1)))
                .post("/tracks").then().statusCode(201).extract()
                .path("id");
        LocalDate monday = today.with(DayOfWeek.MONDAY).plusWeeks(1);
        as(scheduler).body("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(monday, monday.plusDays(20)))
                .post("/tracks/" + track + "/sessions").then().statusCode(200).body("", hasSize(9));

        // Intake: patient, referral, Part 2 consent for the demo EHR.
        UUID patient = UUID.fromString(as(coordinator).body("""
                {"givenName":"Jordan","familyName":"Journey-%s","birthDate":"1985-06-01","sex":"male",
                 "ageGroup":"adult","preferredSchedule":"evening",
                 "identifiers":[{"system":"urn:ehr:demo:mrn","value":"J-%s"}]}""".formatted(unique, unique))
                .post("/patients").then().statusCode(201).extract().path("id"));
        as(coordinator).body("""
                {"patientId":"%s","source":"physician","reason":"Daily drinking; failed attempts to stop",
                 "urgency":"routine"}""".formatted(patient)).post("/referrals").then().statusCode(201);
        String ehr = Platform.ehrToken();
        as(ehr).get("/patients/" + patient).then().statusCode(404);
        as(coordinator).body("""
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics","assessments","treatment-plans","attendance","aftercare"]}"""
                .formatted(patient)).post("/consents").then().statusCode(201);
        as(ehr).get("/patients/" + patient).then().statusCode(200);

        // Assessment with every screener, completed: the plan is drafted from its event.
        String assessment = as(clinician).body("{\"patientId\":\"" + patient + "\"}").post("/assessments").then()
                .statusCode(201).extract().path("id");
        as(clinician).body(Journey.FULL_ASSESSMENT).put("/assessments/" + assessment).then().statusCode(200)
                .body("recommendedLevelOfCare", equalTo("2.1"));
        as(clinician).post("/assessments/" + assessment + "/complete").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as(clinician).queryParam("patientId", patient).get("/treatment-plans")
                .jsonPath().getList("").size() == 1);
        JsonPath plan = as(clinician).queryParam("patientId", patient).get("/treatment-plans").jsonPath();
        String planId = plan.getString("[0].id");
        assertEquals("draft", plan.getString("[0].status"));

        // The clinician edits; the patient acknowledges; the clinician signs.
        String problems = as(clinician).get("/treatment-plans/" + planId).then().extract().jsonPath()
                .prettify();
        String edit = "{\"planVersion\":1,\"weeklyHours\":9,\"expectedWeeks\":10,\"preferredSchedule\":\"evening\","
                + "\"changeNote\":\"Agreed with the patient\",\"problems\":" + Journey.problemsOf(problems) + "}";
        as(clinician).body(edit).put("/treatment-plans/" + planId).then().statusCode(200).body("planVersion",
                equalTo(2));
        String patientToken = Platform.patientToken(patient);
        as(Platform.patientToken(UUID.randomUUID())).get("/treatment-plans/" + planId).then().statusCode(404);
        as(patientToken).post("/treatment-plans/" + planId + "/acknowledge").then().statusCode(200);
        as(clinician).post("/treatment-plans/" + planId + "/approve").then().statusCode(200);

        // Scheduling enrolls from plan.approved and books the track's sessions.
        await().atMost(EVENTUAL).until(() -> "enrolled".equals(as(scheduler).queryParam("patientId", patient)
                .get("/enrollments").jsonPath().getString("[0].status")));
        List<String> sessions = as(patientToken).get("/patients/" + patient + "/schedule").jsonPath().getList("id");
        assertEquals(9, sessions.size());

        // Three weeks of attendance: two unexcused absences in a row raise one engagement alert.
        for (int i = 0; i < sessions.size(); i++) {
            String status = i == 3 || i == 4 ? "absent" : "present";
            int minutes = status.equals("present") ? 180 : 0;
            as(clinician).body("""
                    {"sessionId":"%s","records":[{"patientId":"%s","status":"%s","minutesAttended":%d}]}"""
                    .formatted(sessions.get(i), patient, status, minutes)).post("/attendance").then().statusCode(200);
        }
        as(patientToken).get("/patients/" + patient + "/hours").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as(clinician).get("/treatment-plans/" + planId).jsonPath()
                .getBoolean("flaggedForReview"));
        await().atMost(EVENTUAL).until(() -> as(clinician).get("/treatment-plans/" + planId + "/weekly-hours")
                .jsonPath().getList("").size() == 3);

        // Graduation (early, so with the clinician's reason) opens aftercare with five check-ins.
        as(clinician).body("{\"overrideReason\":\"Journey test: goals met early\"}").post("/treatment-plans/"
                + planId + "/graduate").then().statusCode(200).body("status", equalTo("graduated"));
        await().atMost(EVENTUAL).until(() -> as(caseManager).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);
        String referral = as(caseManager).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath()
                .getString("[0].id");
        JsonPath checkIns = as(caseManager).get("/aftercare-referrals/" + referral + "/check-ins").jsonPath();
        assertEquals(List.of(7, 30, 90, 180, 365), checkIns.getList("milestoneDays", Integer.class));
        await().atMost(EVENTUAL).until(() -> as(scheduler).get("/patients/" + patient + "/schedule").jsonPath()
                .getList("").isEmpty());

        // The patient reports a relapse in their own check-in: intake opens an urgent readmission referral.
        as(patientToken).body("""
                {"reached":true,"relapse":true,"useSinceLast":true,"nextSteps":"Call the clinic"}""")
                .post("/check-ins/" + checkIns.getString("[0].id") + "/outcome").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as(coordinator).queryParam("patientId", patient).get("/referrals")
                .jsonPath().getList("items").size() == 2);
        JsonPath referrals = as(coordinator).queryParam("patientId", patient).get("/referrals").jsonPath();
        assertEquals("aftercare-relapse", referrals.getString("items[0].source"));
        assertEquals("urgent", referrals.getString("items[0].urgency"));
        assertTrue(as(ehr).get("/patients/" + patient + "/disclosures").statusCode() == 403);
        as(patientToken).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
