package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.Schedule.CLINICIAN;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.scheduling.domain.EngagementWatch;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.TopicWatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class AttendanceTest {

    @Inject
    EngagementWatch engagement;
    @Inject
    EntityManager entities;
    @Inject
    DataSource dataSource;

    /**
     * A correction waits for the mark's lock before its event takes a place in the outbox: two corrections of one mark
     * are then kept and told in the same order, so the last event treatment planning applies is the mark kept here.
     * (Before, the place was taken first, and the later-kept correction could be told first.)
     */
    @Test
    void aCorrectionTakesItsPlaceInTheOutboxOnlyOnceItHoldsTheMark() throws Exception {
        String session = session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00", 10);
        UUID patient = UUID.randomUUID();
        book(session, patient).statusCode(201);
        attend(session, patient, "present", 180);
        CompletableFuture<Integer> correction;
        try (Connection other = dataSource.getConnection()) {
            // Another correction of the same mark holds it.
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT id FROM attendance WHERE session_id = ?::uuid AND patient_id = ?::uuid FOR UPDATE")) {
                lock.setString(1, session);
                lock.setString(2, patient.toString());
                lock.executeQuery().close();
            }
            long places = outboxPlacesTaken();
            correction = CompletableFuture.supplyAsync(() -> correct(session, patient, "late", 120));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> outboxPlacesTaken() == places && !correction.isDone());
            other.commit();
        }
        assertEquals(200, correction.get(20, TimeUnit.SECONDS));
        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            List<ConsumerRecord<String, String>> told = topic.awaitRecords(keyed(patient).and(
                    r -> "scheduling.attendance.recorded".equals(EventRecords.type(r))), 2, Duration.ofSeconds(20));
            JsonNode last = EventRecords.data(told.get(told.size() - 1));
            assertEquals(List.of("late", 120), List.of(last.get("status").asText(), last.get("minutesAttended").asInt()));
        }
    }

    /** Places taken in the outbox's order, committed or not (a sequence is not rolled back). */
    private long outboxPlacesTaken() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement last = connection.prepareStatement(
                        "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'position')), 0)");
                ResultSet result = last.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int correct(String session, UUID patient, String status, int minutes) {
        return as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"%s","minutesAttended":%d}]}"""
                .formatted(session, patient, status, minutes)).post("/attendance").statusCode();
    }

    @Test
    void bookingRulesRefuseDoubleBookingAndOverCapacity() {
        String facilitator = "facilitator-" + UUID.randomUUID();
        LocalDate day = today().plusDays(3);
        String first = session(facilitator, day, "10:00", "11:00", 1);
        UUID patient = UUID.randomUUID();
        book(first, patient).statusCode(201);

        book(first, UUID.randomUUID()).statusCode(409).body("detail", equalTo("Session " + first + " is full (1 places)"));
        String overlapping = session("facilitator-" + UUID.randomUUID(), day, "10:30", "11:30", 5);
        book(overlapping, patient).statusCode(409)
                .body("detail", equalTo("Patient " + patient + " is already booked at that time"));
        as(SCHEDULER).body(sessionJson(facilitator, day, "10:45", "12:00", 5)).post("/sessions").then()
                .statusCode(409).body("detail", equalTo("Facilitator " + facilitator
                        + " already leads a session at that time"));
        book(session("facilitator-" + UUID.randomUUID(), day, "11:00", "12:00", 5), patient).statusCode(201);
    }

    @Test
    void attendanceOfAWholeGroupIsRecordedAndPublishedAndCountsTowardTheWeek() {
        LocalDate monday = today().with(DayOfWeek.MONDAY).minusWeeks(1);
        String group = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 10);
        UUID dana = UUID.randomUUID();
        UUID sam = UUID.randomUUID();
        book(group, dana);
        book(group, sam);

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            as(CLINICIAN).body("""
                    {"sessionId":"%s","records":[{"patientId":"%s","status":"present","minutesAttended":180},
                     {"patientId":"%s","status":"left-early","minutesAttended":95,"mode":"telehealth"}]}"""
                    .formatted(group, dana, sam)).post("/attendance").then().statusCode(200)
                    .body("size()", equalTo(2)).body("[0].isoWeek", equalTo(ClinicCalendar.isoWeek(monday)))
                    .body("[0].mode", equalTo("in-person")).body("[1].mode", equalTo("telehealth"));

            ConsumerRecord<String, String> recorded = topic.awaitRecords(keyed(dana), 1, Duration.ofSeconds(20))
                    .get(0);
            JsonNode data = EventRecords.data(recorded);
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.ATTENDANCE_RECORDED, data));
            assertEquals(180, data.get("minutesAttended").asInt());
            assertEquals("group", data.get("sessionKind").asText());
            assertEquals("in-person", data.get("mode").asText());
            // Sam joined by video: the event says so, for the day's charge.
            JsonNode remote = EventRecords.data(topic.awaitRecords(keyed(sam), 1, Duration.ofSeconds(20)).get(0));
            assertEquals("telehealth", remote.get("mode").asText());
        }
        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"present","minutesAttended":180,
                 "mode":"by-carrier-pigeon"}]}""".formatted(group, dana)).post("/attendance").then().statusCode(400);
        as(SCHEDULER).get("/patients/" + sam + "/hours").then().statusCode(200)
                .body("find { it.isoWeek == '" + ClinicCalendar.isoWeek(monday) + "' }.hoursAttended", equalTo(1.6f));
    }

    /**
     * Each week's minutes are kept beside attendance, in its transaction, however attendance is written: recorded,
     * corrected to an absence and back, or loaded in bulk straight into the table.
     */
    @Test
    void theWeeksMinutesFollowEveryWriteToAttendance() {
        LocalDate monday = today().with(DayOfWeek.MONDAY).minusWeeks(3);
        String week = ClinicCalendar.isoWeek(monday);
        UUID patient = UUID.randomUUID();
        String first = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 5);
        String second = session("facilitator-" + UUID.randomUUID(), monday.plusDays(2), "18:00", "21:00", 5);
        book(first, patient);
        book(second, patient);

        attend(first, patient, "present", 180);
        attend(second, patient, "late", 150);
        assertEquals("330 2", weekOf(patient, week));
        attend(second, patient, "absent", 0);
        assertEquals("180 1", weekOf(patient, week));
        attend(first, patient, "excused", 0);
        assertEquals("0 1", weekOf(patient, week), "an excused absence is a session of the week, of 0 minutes");
        attend(first, patient, "absent", 0);
        assertEquals("0 0", weekOf(patient, week));
        as(SCHEDULER).get("/patients/" + patient + "/hours").then().statusCode(200)
                .body("isoWeek", not(hasItem(week)));
        attend(second, patient, "left-early", 100);
        as(SCHEDULER).get("/patients/" + patient + "/hours").then().statusCode(200)
                .body("find { it.isoWeek == '" + week + "' }.hoursAttended", equalTo(1.7f));

        // A bulk load (as benchmarks/run writes five million rows) and its removal keep the weeks too.
        UUID loaded = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into attendance (id, session_id, patient_id, status, minutes_attended, session_date, iso_week,
                                        recorded_by, recorded_at)
                select gen_random_uuid(), s.id, ?1, 'PRESENT', 60, ?2, ?3, 'bulk', now()
                from session s where s.id in (?4, ?5)""").setParameter(1, loaded).setParameter(2, monday)
                .setParameter(3, week).setParameter(4, UUID.fromString(first))
                .setParameter(5, UUID.fromString(second)).executeUpdate());
        assertEquals("120 2", weekOf(loaded, week));
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "delete from attendance where patient_id = ?1").setParameter(1, loaded).executeUpdate());
        assertEquals("0 0", weekOf(loaded, week));
    }

    private String weekOf(UUID patient, String isoWeek) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entities.createNativeQuery(
                "select minutes_attended || ' ' || sessions_counted from attendance_week "
                        + "where patient_id = ?1 and iso_week = ?2")
                .setParameter(1, patient).setParameter(2, isoWeek)
                .getResultList().stream().findFirst().orElse("none")));
    }

    @Test
    void aSundaySessionCountsInItsOwnIsoWeekNotTheNextOne() {
        LocalDate sunday = today().with(DayOfWeek.SUNDAY).minusWeeks(2);
        LocalDate monday = sunday.plusDays(1);
        UUID patient = UUID.randomUUID();
        String late = session("facilitator-" + UUID.randomUUID(), sunday, "22:00", "23:30", 5);
        String early = session("facilitator-" + UUID.randomUUID(), monday, "00:30", "01:30", 5);
        book(late, patient);
        book(early, patient);
        attend(late, patient, "present", 90);
        attend(early, patient, "present", 60);

        as(SCHEDULER).get("/patients/" + patient + "/hours").then()
                .body("find { it.isoWeek == '" + ClinicCalendar.isoWeek(sunday) + "' }.hoursAttended", equalTo(1.5f))
                .body("find { it.isoWeek == '" + ClinicCalendar.isoWeek(monday) + "' }.hoursAttended", equalTo(1.0f));
    }

    @Test
    void twoConsecutiveUnexcusedAbsencesRaiseOneAlertPerOccurrence() {
        UUID patient = UUID.randomUUID();
        LocalDate day = today().minusDays(20);
        String[] sessions = new String[5];
        for (int i = 0; i < 5; i++) {
            sessions[i] = session("facilitator-" + UUID.randomUUID(), day.plusDays(i), "18:00", "21:00", 5);
            book(sessions[i], patient);
        }

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            attend(sessions[0], patient, "absent", 0);
            attend(sessions[1], patient, "excused", 0);
            attend(sessions[2], patient, "absent", 0);
            attend(sessions[3], patient, "absent", 0);
            attend(sessions[4], patient, "absent", 0);

            List<ConsumerRecord<String, String>> alerts = topic.awaitRecords(keyed(patient)
                    .and(r -> "scheduling.engagement.alert".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> topic.records(
                    keyed(patient).and(r -> "scheduling.engagement.alert".equals(EventRecords.type(r)))).size() == 1);
            JsonNode alert = EventRecords.data(alerts.get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.ENGAGEMENT_ALERT, alert));
            assertEquals("missed-sessions", alert.get("risk").asText());
        }
    }

    @Test
    void aCompletedWeekUnderTargetRaisesOneAlert() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        LocalDate lastMonday = today().with(DayOfWeek.MONDAY).minusWeeks(1);
        String week = ClinicCalendar.isoWeek(lastMonday);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into enrollment (id, patient_id, plan_id, status, weekly_hours_target, population, decided_at,
                                        version)
                values (?1, ?2, ?3, 'ENROLLED', 9.0, 'ADULT', now(), 0)""").setParameter(1, UUID.randomUUID())
                .setParameter(2, patient).setParameter(3, plan).executeUpdate());
        String group = session("facilitator-" + UUID.randomUUID(), lastMonday, "18:00", "21:00", 5);
        book(group, patient);
        attend(group, patient, "present", 180);

        as(SCHEDULER).queryParam("isoWeek", week).get("/hours/under-target").then().statusCode(200)
                .body("patientId", hasItem(patient.toString()));
        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            engagement.checkWeek(week);
            engagement.checkWeek(week);

            List<ConsumerRecord<String, String>> alerts = topic.awaitRecords(keyed(patient)
                    .and(r -> "scheduling.engagement.alert".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> topic.records(
                    keyed(patient).and(r -> "scheduling.engagement.alert".equals(EventRecords.type(r)))).size() == 1);
            JsonNode alert = EventRecords.data(alerts.get(0));
            assertEquals("below-weekly-minimum", alert.get("risk").asText());
            assertEquals(week, alert.get("isoWeek").asText());
            assertEquals(3.0, alert.get("hoursAttended").asDouble());
        }
    }

    @Test
    void attendanceOfAPatientNotBookedIs409AndNothingIsRecorded() {
        String group = session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00", 5);

        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"present","minutesAttended":180}]}"""
                .formatted(group, UUID.randomUUID())).post("/attendance").then().statusCode(409);
    }

    static String sessionJson(String facilitator, LocalDate day, String start, String end, int capacity) {
        return """
                {"kind":"group","groupType":"psychoeducation","title":"Psychoeducation","facilitatorId":"%s",
                 "capacity":%d,"location":"Room 1","startsAt":"%sT%s:00Z","endsAt":"%sT%s:00Z"}"""
                .formatted(facilitator, capacity, day, start, day, end);
    }

    public static String session(String facilitator, LocalDate day, String start, String end, int capacity) {
        return as(SCHEDULER).body(sessionJson(facilitator, day, start, end, capacity)).post("/sessions").then()
                .statusCode(201).extract().path("id");
    }

    public static io.restassured.response.ValidatableResponse book(String session, UUID patient) {
        return as(SCHEDULER).body("{\"patientId\":\"" + patient + "\"}").post("/sessions/" + session + "/bookings")
                .then();
    }

    public static void attend(String session, UUID patient, String status, int minutes) {
        as(CLINICIAN).body("""
                {"sessionId":"%s","records":[{"patientId":"%s","status":"%s","minutesAttended":%d}]}"""
                .formatted(session, patient, status, minutes)).post("/attendance").then().statusCode(200);
    }
}
