package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data a clinician enters on the way, and the steps every journey takes through the gateway. */
public final class Journey {

    public static final Duration EVENTUAL = Duration.ofSeconds(30);

    public static final String FULL_ASSESSMENT = """
            {"version":0,
             "medicalHistory":{"conditions":["hypertension"],"allergies":[],"primaryCareProvider":"Dr. Lee"},
             "medications":[{"name":"lisinopril","dose":"10 mg","frequency":"daily"}],
             "currentSymptoms":{"symptoms":["low mood","cravings"]},
             "substanceUse":[{"substance":"alcohol","frequency":"daily","route":"oral","lastUse":"2026-11-20"}],
             "mentalHealthHistory":{"diagnoses":["major depressive disorder"],"psychiatricHospitalizations":0,
                                    "previousTreatment":true},
             "familyAndSupport":{"livingWith":"partner","supportPeople":["partner"],"familyConflict":true},
             "livingSituation":{"housing":"stable","employment":"employed-full-time","legalInvolvement":false},
             "strengthsAndPreferences":{"strengths":["motivated"],"preferredSchedule":"evening"},
             "screenerResponses":[
               {"screener":"PHQ-9","answers":{"1":2,"2":2,"3":3,"4":2,"5":1,"6":1,"7":1,"8":0,"9":0}},
               {"screener":"GAD-7","answers":{"1":1,"2":1,"3":1,"4":1,"5":1,"6":1,"7":1}},
               {"screener":"AUDIT","answers":{"1":4,"2":2,"3":2,"4":2,"5":1,"6":1,"7":2,"8":1,"9":0,"10":4}},
               {"screener":"DAST-10","answers":{"1":0,"2":0,"3":1,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0}},
               {"screener":"C-SSRS","answers":{"1":0,"2":0,"6":0}}],
             "asamRatings":{"intoxicationWithdrawal":1,"biomedical":0,"emotionalBehavioralCognitive":2,
                            "readinessToChange":2,"relapsePotential":3,"recoveryEnvironment":1}}""";

    private Journey() {
    }

    /** A track with room, meeting 9 hours a week in the evening, with its sessions for three weeks from Monday. */
    public static String eveningTrackWithSessions(String scheduler, String unique, LocalDate today) {
        return eveningTrackWithSessions(scheduler, unique, today, "21:00");
    }

    /**
     * The same track with its three evening blocks ending at {@code blockEnd}: a test whose plan asks for hours no
     * other test's track gives is enrolled in its own track, whatever tracks the other tests left (enrollment takes the
     * track with the fewest hours that still gives the plan's).
     */
    public static String eveningTrackWithSessions(String scheduler, String unique, LocalDate today, String blockEnd) {
        String track = as(scheduler)
                .body("""
                        {"name":"Evening journey %s","scheduleType":"evening","ageGroup":"adult","capacity":12,
                         "facilitatorId":"facilitator-%s","location":"Room 2","activeFrom":"%s",
                         "blocks":[{"day":"MONDAY","start":"18:00","end":"%4$s","groupType":"process-group","title":"Process group"},
                                   {"day":"WEDNESDAY","start":"18:00","end":"%4$s","groupType":"cbt-skills","title":"CBT skills"},
                                   {"day":"THURSDAY","start":"18:00","end":"%4$s","groupType":"relapse-prevention","title":"Relapse prevention"}]}"""
                        .formatted(unique, unique, today.minusDays(1), blockEnd))
                .post("/tracks").then().statusCode(201).extract().path("id");
        LocalDate monday = today.with(DayOfWeek.MONDAY).plusWeeks(1);
        as(scheduler).body("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(monday, monday.plusDays(20)))
                .post("/tracks/" + track + "/sessions").then().statusCode(200).body("", hasSize(9));
        return track;
    }

    /** A patient the intake coordinator registers, known to no EHR by an identifier of its own. */
    public static UUID register(String coordinator, String familyName) {
        return UUID.fromString(as(coordinator).body("""
                {"givenName":"Avery","familyName":"%s","birthDate":"1986-05-17","sex":"female","ageGroup":"adult",
                 "preferredSchedule":"evening"}""".formatted(familyName)).post("/patients").then().statusCode(201)
                .extract().path("id"));
    }

    /** The patient's 42 CFR Part 2 consent for the demo EHR, to every kind of record, for care coordination. */
    public static void consentToTheDemoEhr(String coordinator, UUID patient) {
        as(coordinator).body("""
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics","assessments","treatment-plans","attendance","aftercare"]}"""
                .formatted(patient)).post("/consents").then().statusCode(201);
    }

    /** The clinician's full assessment, completed: returns the plan drafted from its event. */
    public static String assessAndAwaitDraftedPlan(String clinician, UUID patient) {
        String assessment = as(clinician).body("{\"patientId\":\"" + patient + "\"}").post("/assessments").then()
                .statusCode(201).extract().path("id");
        as(clinician).body(FULL_ASSESSMENT).put("/assessments/" + assessment).then().statusCode(200)
                .body("recommendedLevelOfCare", equalTo("2.1"));
        as(clinician).post("/assessments/" + assessment + "/complete").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as(clinician).queryParam("patientId", patient).get("/treatment-plans")
                .jsonPath().getList("").size() == 1);
        JsonPath plan = as(clinician).queryParam("patientId", patient).get("/treatment-plans").jsonPath();
        assertEquals("draft", plan.getString("[0].status"));
        return plan.getString("[0].id");
    }

    /** The clinician edits the draft with the patient, the patient acknowledges it, the clinician signs it. */
    public static void agreeAndApprove(String clinician, String patientToken, String planId) {
        String problems = as(clinician).get("/treatment-plans/" + planId).then().extract().jsonPath().prettify();
        String edit = "{\"planVersion\":1,\"weeklyHours\":9,\"expectedWeeks\":10,\"preferredSchedule\":\"evening\","
                + "\"changeNote\":\"Agreed with the patient\",\"problems\":" + problemsOf(problems) + "}";
        as(clinician).body(edit).put("/treatment-plans/" + planId).then().statusCode(200).body("planVersion",
                equalTo(2));
        as(patientToken).post("/treatment-plans/" + planId + "/acknowledge").then().statusCode(200);
        as(clinician).post("/treatment-plans/" + planId + "/approve").then().statusCode(200);
    }

    /** Waits until scheduling enrolled the patient from plan.approved; returns their booked sessions. */
    public static List<String> awaitEnrollment(String scheduler, String patientToken, UUID patient) {
        await().atMost(EVENTUAL).until(() -> "enrolled".equals(as(scheduler).queryParam("patientId", patient)
                .get("/enrollments").jsonPath().getString("[0].status")));
        List<String> sessions = as(patientToken).get("/patients/" + patient + "/schedule").jsonPath().getList("id");
        assertEquals(9, sessions.size());
        return sessions;
    }

    public static void attend(String clinician, String session, UUID patient, String status) {
        int minutes = status.equals("present") ? 180 : 0;
        as(clinician).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"%s","minutesAttended":%d}]}"""
                .formatted(session, patient, status, minutes)).post("/attendance").then().statusCode(200);
    }

    /** The plan's problems as JSON, to send back in an edit. */
    public static String problemsOf(String planJson) {
        List<Map<String, Object>> problems = JsonPath.from(planJson).getList("problems");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(problems);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
