package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.AttendanceTest.sessionJson;
import static io.cairn.scheduling.api.Schedule.CLINICIAN;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulingBadInputTest {

    @Test
    void badTracksAre400() {
        as(SCHEDULER).body("{\"name\":").post("/tracks").then().statusCode(400);
        as(SCHEDULER).body("""
                {"name":"x","scheduleType":"night","ageGroup":"adult","capacity":5,"facilitatorId":"f",
                 "activeFrom":"2026-01-01","blocks":[]}""").post("/tracks").then().statusCode(400)
                .body("violations.field", hasItem("scheduleType"));
        as(SCHEDULER).body("""
                {"name":"x","scheduleType":"evening","ageGroup":"adult","capacity":0,"facilitatorId":"f",
                 "activeFrom":"2026-01-01","blocks":[{"day":"FUNDAY","start":"18:00","end":"21:00",
                 "groupType":"process-group","title":"t"}]}""").post("/tracks").then().statusCode(400);
        as(SCHEDULER).body("""
                {"name":"x","scheduleType":"evening","ageGroup":"adult","capacity":5,"facilitatorId":"f",
                 "activeFrom":"2026-01-01","blocks":[{"day":"MONDAY","start":"21:00","end":"18:00",
                 "groupType":"process-group","title":"t"}]}""").post("/tracks").then().statusCode(400)
                .body("violations[0].field", equalTo("blocks[0].end"));
    }

    @Test
    void aListNeverAnswersMoreThanOneWindow() {
        for (int i = 0; i < 3; i++) {
            as(SCHEDULER).body("""
                    {"name":"Window %s","scheduleType":"evening","ageGroup":"adult","capacity":5,"facilitatorId":"f",
                     "activeFrom":"2026-01-01","blocks":[{"day":"MONDAY","start":"18:00","end":"21:00",
                     "groupType":"process-group","title":"t"}]}""".formatted(UUID.randomUUID())).post("/tracks")
                    .then().statusCode(201);
        }
        var first = as(SCHEDULER).queryParam("size", 2).get("/tracks").then().statusCode(200)
                .body("size()", equalTo(2)).extract();
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(first.header("X-Total-Count")) >= 3);
        org.junit.jupiter.api.Assertions.assertTrue(first.header("Link").contains("page=1"), first.header("Link"));
        as(SCHEDULER).queryParam("size", 501).get("/tracks").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as(SCHEDULER).queryParam("page", -1).get("/tracks").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void aSessionThatEndsBeforeItStartsIs400() {
        as(SCHEDULER).body(sessionJson("facilitator-" + UUID.randomUUID(), today(), "12:00", "11:00", 5))
                .post("/sessions").then().statusCode(400).body("violations[0].field", equalTo("endsAt"));
    }

    /** The address is written as is into the patient's calendar feed: a line break there would add properties. */
    @Test
    void aTelehealthUrlThatIsNoUrlIs400AndSchedulesNothing() throws Exception {
        java.time.LocalDate day = today().plusDays(4000 + new java.util.Random().nextInt(4000));
        for (String url : new String[] { "https://rooms.example/a\r\nATTENDEE:mailto:someone@example.org",
                "https://rooms.example/a b", "https://rooms.example/a\u00a0b", "javascript:x//https://a",
                "javascript:alert(1)", "rooms.example/a",
                "https://rooms.example/" + "a".repeat(500) }) {
            String session = sessionJson("facilitator-" + UUID.randomUUID(), day, "18:00", "19:00", 5)
                    .replace("\"location\":\"Room 1\"", "\"location\":\"Room 1\",\"telehealthUrl\":"
                            + quoted(url));
            as(SCHEDULER).body(session).post("/sessions").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("telehealthUrl"));
            as(SCHEDULER).body("""
                    {"name":"Telehealth %s","scheduleType":"evening","ageGroup":"adult","capacity":5,
                     "facilitatorId":"f","activeFrom":"2026-01-01","telehealthUrl":%s,"blocks":[{"day":"MONDAY",
                     "start":"18:00","end":"21:00","groupType":"process-group","title":"t"}]}"""
                    .formatted(UUID.randomUUID(), quoted(url))).post("/tracks").then()
                    .statusCode(400).body("violations.field", hasItem("telehealthUrl"));
        }
        as(SCHEDULER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/sessions").then()
                .statusCode(200).body("size()", equalTo(0));
        String fine = sessionJson("facilitator-" + UUID.randomUUID(), day, "18:00", "19:00", 5)
                .replace("\"location\":\"Room 1\"", "\"location\":\"Room 1\",\"telehealthUrl\":"
                        + "\"https://rooms.example/okafor?id=7&pin=1\"");
        as(SCHEDULER).body(fine).post("/sessions").then().statusCode(201)
                .body("telehealthUrl", equalTo("https://rooms.example/okafor?id=7&pin=1"));
    }

    @Test
    void impossibleAttendanceIs400() {
        String group = session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "19:00", 5);
        UUID patient = UUID.randomUUID();
        book(group, patient);

        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"present","minutesAttended":61}]}"""
                .formatted(group, patient)).post("/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("records[0].minutesAttended"));
        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"absent","minutesAttended":30}]}"""
                .formatted(group, patient)).post("/attendance").then().statusCode(400);
        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"asleep","minutesAttended":0}]}"""
                .formatted(group, patient)).post("/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("records[0].status"));
        as(CLINICIAN).get("/patients/" + patient + "/hours").then().statusCode(200)
                .body("hoursAttended.sum()", equalTo(0.0f));
    }

    @Test
    void badQueryParametersAre400() {
        as(SCHEDULER).queryParam("isoWeek", "week 48").get("/hours/under-target").then().statusCode(400)
                .body("violations[0].field", equalTo("isoWeek"));
        as(SCHEDULER).queryParam("status", "pending").get("/enrollments").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    private static String quoted(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    }
}
