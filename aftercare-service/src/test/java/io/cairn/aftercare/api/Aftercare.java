package io.cairn.aftercare.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Aftercare referrals opened the way production opens them: from treatment-plan events. */
public final class Aftercare {

    public static final String CASE_MANAGER = Tokens.forRole(Roles.CASE_MANAGER);

    private Aftercare() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).basePath("/api/v1");
    }

    static PatientGraduated graduated(UUID patient, LocalDate dischargedOn) {
        return new PatientGraduated(UUID.randomUUID(), patient, dischargedOn, new AftercareNeeds(List.of("alcohol"),
                List.of("partner"), List.of("naltrexone")), Instant.now());
    }

    /** Publishes a graduation and waits for the referral. */
    public static JsonPath referralAfterGraduation(UUID patient, LocalDate dischargedOn) {
        EventRecords.send(EventRecords.of(graduated(patient, dischargedOn)));
        return awaitReferral(patient);
    }

    static JsonPath awaitReferral(UUID patient) {
        await().atMost(Duration.ofSeconds(20)).until(() -> referralsOf(patient).getList("").size() == 1);
        return JsonPath.from(referralsOf(patient).prettify()).setRootPath("[0]");
    }

    static JsonPath referralsOf(UUID patient) {
        return as(CASE_MANAGER).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath();
    }

    static JsonPath checkIns(String referral) {
        return as(CASE_MANAGER).get("/aftercare-referrals/" + referral + "/check-ins").jsonPath();
    }

    public static String checkIn(String referral, int days) {
        return checkIns(referral).getString("find { it.milestoneDays == " + days + " }.id");
    }

    public static String outcome(LocalDate contactedOn, boolean reached, boolean relapse, String phq9, String gad7) {
        return """
                {"contactedOn":"%s","reached":%s,"useSinceLast":%s,"relapse":%s,"phq9Answers":%s,"gad7Answers":%s,
                 "supportGroupMeetings":2,"housing":"stable","employment":"employed","nextSteps":"keep going"}"""
                .formatted(contactedOn, reached, relapse, relapse, phq9, gad7);
    }

    /** PHQ-9 answers adding up to {@code total} (item 9 stays 0). */
    public static String phq9(int total) {
        return answers(9, total, 8);
    }

    public static String gad7(int total) {
        return answers(7, total, 7);
    }

    private static String answers(int items, int total, int lastScored) {
        StringBuilder json = new StringBuilder("{");
        int left = total;
        for (int item = 1; item <= items; item++) {
            int answer = item <= lastScored ? Math.min(3, left) : 0;
            left -= answer;
            json.append(item == 1 ? "" : ",").append('"').append(item).append("\":").append(answer);
        }
        return json.append('}').toString();
    }
}
