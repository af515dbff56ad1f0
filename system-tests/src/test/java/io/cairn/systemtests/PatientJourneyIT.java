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

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");
    final String caseManager = tokenOf("case-manager", "case-manager");

    @Test
    void fromReferralToAftercareAndBackToIntakeAfterARelapse() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String unique = UUID.randomUUID().toString().substring(0, 8);

        Journey.eveningTrackWithSessions(scheduler, unique, today);

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
        Journey.consentToTheDemoEhr(coordinator, patient);
        as(ehr).get("/patients/" + patient).then().statusCode(200);

        // Assessment with every screener, completed: the plan is drafted from its event. The clinician edits; the
        // patient acknowledges; the clinician signs. Scheduling enrolls from plan.approved and books the sessions.
        String planId = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        String patientToken = Platform.patientToken(patient);
        as(Platform.patientToken(UUID.randomUUID())).get("/treatment-plans/" + planId).then().statusCode(404);
        Journey.agreeAndApprove(clinician, patientToken, planId);
        List<String> sessions = Journey.awaitEnrollment(scheduler, patientToken, patient);

        // Three weeks of attendance: two unexcused absences in a row raise one engagement alert.
        for (int i = 0; i < sessions.size(); i++) {
            Journey.attend(clinician, sessions.get(i), patient, i == 3 || i == 4 ? "absent" : "present");
        }
        as(patientToken).get("/patients/" + patient + "/hours").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).get("/treatment-plans/" + planId).jsonPath()
                .getBoolean("flaggedForReview"));
        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).get("/treatment-plans/" + planId + "/weekly-hours")
                .jsonPath().getList("").size() == 3);

        // The clinician changes the active plan: the change waits for the patient's acknowledgment and a clinician's
        // signature while the approved version stays in force; approved, it is in force, and scheduling keeps the
        // enrollment, whose track still gives the plan's hours.
        JsonPath active = as(clinician).get("/treatment-plans/" + planId).jsonPath();
        int approved = active.getInt("approvedVersion");
        as(clinician).body("""
                {"planVersion":%d,"weeklyHours":9,"expectedWeeks":12,"preferredSchedule":"evening",
                 "changeNote":"Two more weeks after the missed groups","problems":%s}"""
                .formatted(active.getInt("planVersion"), Journey.problemsOf(active.prettify())))
                .put("/treatment-plans/" + planId).then().statusCode(200)
                .body("approvedVersion", equalTo(approved)).body("expectedWeeks", equalTo(10))
                .body("revision.expectedWeeks", equalTo(12));
        as(clinician).post("/treatment-plans/" + planId + "/approve").then().statusCode(409);
        as(patientToken).post("/treatment-plans/" + planId + "/acknowledge").then().statusCode(200);
        as(clinician).post("/treatment-plans/" + planId + "/approve").then().statusCode(200)
                .body("approvedVersion", equalTo(approved + 1)).body("expectedWeeks", equalTo(12))
                .body("revision", org.hamcrest.Matchers.nullValue());
        await().during(Duration.ofSeconds(2)).atMost(Journey.EVENTUAL).until(() -> "enrolled".equals(as(scheduler)
                .queryParam("patientId", patient).get("/enrollments").jsonPath().getString("[0].status")));

        // Graduation (early, so with the clinician's reason) opens aftercare with five check-ins.
        as(clinician).body("{\"overrideReason\":\"Journey test: goals met early\"}").post("/treatment-plans/"
                + planId + "/graduate").then().statusCode(200).body("status", equalTo("graduated"));
        await().atMost(Journey.EVENTUAL).until(() -> as(caseManager).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);
        String referral = as(caseManager).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath()
                .getString("[0].id");
        JsonPath checkIns = as(caseManager).get("/aftercare-referrals/" + referral + "/check-ins").jsonPath();
        assertEquals(List.of(7, 30, 90, 180, 365), checkIns.getList("milestoneDays", Integer.class));
        await().atMost(Journey.EVENTUAL).until(() -> as(scheduler).get("/patients/" + patient + "/schedule").jsonPath()
                .getList("").isEmpty());

        // The patient reports a relapse in their own check-in: intake opens an urgent readmission referral.
        as(patientToken).body("""
                {"reached":true,"relapse":true,"useSinceLast":true,"nextSteps":"Call the clinic"}""")
                .post("/check-ins/" + checkIns.getString("[0].id") + "/outcome").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(coordinator).queryParam("patientId", patient).get("/referrals")
                .jsonPath().getList("").size() == 2);
        JsonPath referrals = as(coordinator).queryParam("patientId", patient).get("/referrals").jsonPath();
        assertEquals("aftercare-relapse", referrals.getString("[0].source"));
        assertEquals("urgent", referrals.getString("[0].urgency"));
        assertTrue(as(ehr).get("/patients/" + patient + "/disclosures").statusCode() == 403);
        // The EHR's reads reach the patient's accounting from every service's disclosure events, within seconds.
        await().atMost(Journey.EVENTUAL).until(() -> as(patientToken).get("/patients/" + patient + "/disclosures")
                .then().statusCode(200).extract().jsonPath().getList("").size() > 0);
    }
}
