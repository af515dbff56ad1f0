package io.cairn.treatmentplan.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AsamRatings;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plans drafted the way production drafts them: from an assessment.completed event on the intake topic. */
public final class Plans {

    public static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);

    private Plans() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).basePath("/api/v1");
    }

    static AssessmentCompleted assessment(UUID patient, LevelOfCare level) {
        return assessment(patient, level, "male");
    }

    /** An assessment whose screeners were scored for {@code screeningSex} (null: published before intake sent it). */
    static AssessmentCompleted assessment(UUID patient, LevelOfCare level, String screeningSex) {
        return new AssessmentCompleted(UUID.randomUUID(), patient, Population.ADULT, level, level, null,
                new AsamRatings(1, 0, 2, 2, 3, 1),
                List.of(new ScreenerResult("AUDIT", 19, "zone-3-harmful", false, List.of("audit-c-positive")),
                        new ScreenerResult("PHQ-9", 12, "moderate", false, List.of())),
                false, List.of("alcohol"), false, List.of("partner"), List.of("lisinopril"), PreferredSchedule.EVENING,
                Instant.now(), screeningSex);
    }

    /** Publishes an IOP assessment of a new patient and waits for its drafted plan. */
    public static JsonPath draftPlan(UUID patient) {
        return draftPlan(patient, "male");
    }

    /** {@link #draftPlan(UUID)} from an assessment scored for {@code screeningSex}. */
    static JsonPath draftPlan(UUID patient, String screeningSex) {
        EventRecords.send(EventRecords.of(assessment(patient, LevelOfCare.INTENSIVE_OUTPATIENT, screeningSex)));
        await().atMost(Duration.ofSeconds(20)).until(() -> plansOf(patient).getList("").size() == 1);
        return JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + plansOf(patient).getString("[0].id"))
                .then().statusCode(200).extract().asString());
    }

    static JsonPath plansOf(UUID patient) {
        return JsonPath.from(as(CLINICIAN).queryParam("patientId", patient).get("/treatment-plans").asString());
    }

    /** A drafted plan the patient acknowledged and the clinician approved. */
    public static String activePlan(UUID patient) {
        return activePlan(patient, "male");
    }

    /** {@link #activePlan(UUID)} from an assessment scored for {@code screeningSex}. */
    static String activePlan(UUID patient, String screeningSex) {
        String id = draftPlan(patient, screeningSex).getString("id");
        as(Tokens.forPatient(patient)).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(200);
        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
