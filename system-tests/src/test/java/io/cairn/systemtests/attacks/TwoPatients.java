package io.cairn.systemtests.attacks;

import static org.awaitility.Awaitility.await;

import io.cairn.systemtests.Platform;
import io.cairn.systemtests.faults.Api;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two patients taken through the whole program to aftercare, so that every kind of record exists for each: "own",
 * who has a login and a Part 2 consent for the demo EHR, and "other", whose records nobody outside the staff may see.
 */
final class TwoPatients {

    static final Duration EVENTUAL = Duration.ofSeconds(60);

    final Map<String, String> own;
    final Map<String, String> other;
    final String ownToken;
    final String familyNameOfOther;
    final String partOfOther;

    private final Api gateway = new Api(Platform.GATEWAY);
    private final String coordinator = Platform.tokenOf("coordinator", "coordinator");
    private final String clinician = Platform.tokenOf("clinician", "clinician");
    private final String scheduler = Platform.tokenOf("scheduler", "scheduler");
    private final String caseManager = Platform.tokenOf("case-manager", "case-manager");

    TwoPatients() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> shared = track(unique);
        familyNameOfOther = "Other-" + unique;
        own = admit("Own-" + unique, "ehr-demo", shared);
        ownToken = Platform.patientToken(UUID.fromString(own.get("patient")));
        other = admit(familyNameOfOther, "another-ehr", shared);
        enroll(own, ownToken);
        enroll(other, Platform.patientToken(UUID.fromString(other.get("patient"))));
        partOfOther = "About the other patient " + unique;
        // A session both are booked into carries the group note with a part about each.
        String session = ok(gateway.get("/patients/" + own.get("patient") + "/schedule", scheduler)).json().get(0)
                .get("id").asText();
        own.put("session", session);
        other.put("session", session);
        ok(gateway.put("/sessions/" + session + "/note", clinician, """
                {"topic":"Managing cravings","content":"Urge surfing in pairs",
                 "parts":[{"patientId":"%s","text":"About the own patient"},{"patientId":"%s","text":"%s"}]}"""
                .formatted(own.get("patient"), other.get("patient"), partOfOther)));
        graduate(own);
        graduate(other);
    }

    private Map<String, String> track(String unique) {
        LocalDate monday = LocalDate.now().with(DayOfWeek.MONDAY).plusWeeks(1);
        String track = ok(gateway.post("/tracks", scheduler, """
                {"name":"Access matrix %s","scheduleType":"evening","ageGroup":"adult","capacity":12,
                 "facilitatorId":"facilitator-%s","location":"Room 7","activeFrom":"%s",
                 "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process"},
                           {"day":"WEDNESDAY","start":"18:00","end":"21:00","groupType":"cbt-skills","title":"CBT"},
                           {"day":"THURSDAY","start":"18:00","end":"21:00","groupType":"relapse-prevention","title":"RP"}]}"""
                .formatted(unique, unique, LocalDate.now().minusDays(1)))).json().get("id").asText();
        String session = ok(gateway.post("/tracks/" + track + "/sessions", scheduler,
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(monday, monday.plusDays(20)))).json().get(0).get("id")
                .asText();
        return Map.of("track", track, "session", session);
    }

    private Map<String, String> admit(String familyName, String consentRecipient, Map<String, String> shared) {
        Map<String, String> ids = new HashMap<>(shared);
        String patient = ok(gateway.post("/patients", coordinator, """
                {"givenName":"Matrix","familyName":"%s","birthDate":"1986-02-03","sex":"female","ageGroup":"adult",
                 "preferredSchedule":"evening","identifiers":[{"system":"urn:cairn:matrix","value":"%s"}]}"""
                .formatted(familyName, familyName))).json().get("id").asText();
        ids.put("patient", patient);
        ids.put("referral", ok(gateway.post("/referrals", coordinator, """
                {"patientId":"%s","source":"physician","reason":"Access matrix","urgency":"routine"}"""
                .formatted(patient))).json().get("id").asText());
        ids.put("consent", ok(gateway.post("/consents", coordinator, """
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination",
                 "recordCategories":["demographics","assessments","treatment-plans","attendance","aftercare"]}"""
                .formatted(patient, consentRecipient))).json().get("id").asText());
        String assessment = gateway.completeAssessment(clinician, patient);
        ids.put("assessment", assessment);
        await().atMost(EVENTUAL).until(() -> gateway.get("/treatment-plans?patientId=" + patient, clinician).json()
                .size() == 1);
        ids.put("plan", gateway.get("/treatment-plans?patientId=" + patient, clinician).json().get(0).get("id")
                .asText());
        return ids;
    }

    /** Acknowledged by the patient, approved, enrolled in the track. */
    private void enroll(Map<String, String> ids, String patientToken) {
        String patient = ids.get("patient");
        String plan = ids.get("plan");
        ok(gateway.post("/treatment-plans/" + plan + "/acknowledge", patientToken, ""));
        ok(gateway.post("/treatment-plans/" + plan + "/approve", clinician, ""));
        await().atMost(EVENTUAL).until(() -> gateway.get("/enrollments?patientId=" + patient, scheduler).json()
                .size() == 1);
        // The worklist's task for the approval, closed by the approval itself.
        String approvals = "/tasks?kind=plan-approval&status=resolved&patientId=" + patient;
        await().atMost(EVENTUAL).until(() -> gateway.get(approvals, clinician).json().size() == 1);
        ids.put("task", gateway.get(approvals, clinician).json().get(0).get("id").asText());
    }

    /** Graduated early: aftercare with its check-ins. */
    private void graduate(Map<String, String> ids) {
        String patient = ids.get("patient");
        String plan = ids.get("plan");
        ok(gateway.post("/treatment-plans/" + plan + "/graduate", clinician,
                "{\"overrideReason\":\"Access matrix: goals met early\"}"));
        await().atMost(EVENTUAL).until(() -> gateway.get("/aftercare-referrals?patientId=" + patient, caseManager)
                .json().size() == 1);
        String referral = gateway.get("/aftercare-referrals?patientId=" + patient, caseManager).json().get(0)
                .get("id").asText();
        ids.put("aftercareReferral", referral);
        ids.put("checkIn", ok(gateway.get("/aftercare-referrals/" + referral + "/check-ins", caseManager)).json()
                .get(0).get("id").asText());
    }

    /** Every id and name of the other patient's records: none may reach a caller not entitled to them. */
    List<String> markersOfOther() {
        return List.of(other.get("patient"), other.get("referral"), other.get("consent"), other.get("assessment"),
                other.get("plan"), other.get("aftercareReferral"), other.get("checkIn"), other.get("task"), familyNameOfOther,
                partOfOther);
    }

    private static Api.Answer ok(Api.Answer answer) {
        if (answer.status() >= 300) {
            throw new IllegalStateException("Fixture step failed: " + answer);
        }
        return answer;
    }
}
