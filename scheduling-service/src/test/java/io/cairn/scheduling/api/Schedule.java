package io.cairn.scheduling.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Tracks, sessions and enrollments made as the clinic makes them: through the API and plan events. */
public final class Schedule {

    public static final String SCHEDULER = Tokens.forRole(Roles.SCHEDULER);
    static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);

    private Schedule() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).basePath("/api/v1");
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A 9-hour track (three 3-hour evening groups a week) for {@code ageGroup}, led by its own facilitator. */
    public static String track(String ageGroup, String scheduleType, int capacity) {
        return as(SCHEDULER)
                .body("""
                        {"name":"%s track %s","scheduleType":"%s","ageGroup":"%s","capacity":%d,"facilitatorId":"%s",
                         "location":"Room 2, 14 Main St","activeFrom":"%s",
                         "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process group"},
                                   {"day":"WEDNESDAY","start":"18:00","end":"21:00","groupType":"cbt-skills","title":"CBT skills, week plan"},
                                   {"day":"THURSDAY","start":"18:00","end":"21:00","groupType":"relapse-prevention","title":"Relapse prevention"}]}"""
                        .formatted(scheduleType, UUID.randomUUID(), scheduleType, ageGroup, capacity,
                                "facilitator-" + UUID.randomUUID(), today().minusDays(30)))
                .post("/tracks").then().statusCode(201).extract().path("id");
    }

    /** Generates the track's sessions for the next two weeks. */
    public static List<String> sessions(String track) {
        return as(SCHEDULER).body("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today().plusDays(1), today().plusDays(14)))
                .post("/tracks/" + track + "/sessions").then().statusCode(200).extract().jsonPath().getList("id");
    }

    public static PlanApproved approved(UUID patient, Population population, PreferredSchedule schedule, String hours) {
        return new PlanApproved(UUID.randomUUID(), patient, 1, population, new BigDecimal(hours), schedule, 10,
                today().plusDays(30), Instant.now());
    }

    /** Publishes the approval and waits for the enrollment decision. */
    public static JsonPath enroll(PlanApproved plan) {
        EventRecords.send(EventRecords.of(plan));
        await().atMost(Duration.ofSeconds(20)).until(() -> enrollmentsOf(plan.patientId()).getList("").size() == 1);
        return JsonPath.from(enrollmentsOf(plan.patientId()).prettify()).setRootPath("[0]");
    }

    static JsonPath enrollmentsOf(UUID patient) {
        return as(SCHEDULER).queryParam("patientId", patient).get("/enrollments").jsonPath();
    }

    static List<String> scheduleOf(UUID patient) {
        return as(SCHEDULER).get("/patients/" + patient + "/schedule").jsonPath().getList("id");
    }
}
