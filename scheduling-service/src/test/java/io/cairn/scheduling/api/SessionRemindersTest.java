package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.approved;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.enroll;
import static io.cairn.scheduling.api.Schedule.scheduleOf;
import static io.cairn.scheduling.api.Schedule.sessions;
import static io.cairn.scheduling.api.Schedule.track;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.scheduling.domain.SessionReminders;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each booked session is announced once, a lead time before it starts, and never once its booking was released. */
@QuarkusTest
class SessionRemindersTest {

    private static final Predicate<ConsumerRecord<String, String>> UPCOMING = r -> "scheduling.session.upcoming"
            .equals(header(r, "ce_type"));
    private static final Predicate<ConsumerRecord<String, String>> RELEASED = r -> "scheduling.booking.released"
            .equals(header(r, "ce_type"));

    @Inject
    SessionReminders reminders;
    @Inject
    EntityManager entities;

    @Test
    void aBookedSessionIsAnnouncedOnceWhenItIsLessThanTheLeadTimeAway() {
        // A day of its own, years ahead, so that no other test's session starts in the window.
        LocalDate day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        String session = AttendanceTest.session("facilitator-" + UUID.randomUUID(), day, "10:00", "11:00", 5);
        UUID patient = UUID.randomUUID();
        AttendanceTest.book(session, patient).statusCode(201);
        Instant startsAt = Instant.parse(day + "T10:00:00Z");

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            reminders.announceUpcoming(startsAt.minus(Duration.ofHours(25)));
            assertEquals(0, Rows.count(entities, "SELECT count(*) FROM session_reminder r JOIN booking b "
                    + "ON b.id = r.booking_id WHERE b.patient_id = ?1", patient), "25 hours ahead is too early");
            reminders.announceUpcoming(startsAt.minus(Duration.ofHours(23)));
            reminders.announceUpcoming(startsAt.minus(Duration.ofHours(2)));

            List<ConsumerRecord<String, String>> upcoming = topic.awaitRecords(keyed(patient).and(UPCOMING), 1,
                    Duration.ofSeconds(20));
            JsonNode data = EventRecords.data(upcoming.get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.SESSION_UPCOMING, data));
            assertEquals(session, data.get("sessionId").asText());
            assertEquals(patient.toString(), data.get("patientId").asText());
            assertEquals(startsAt, Instant.parse(data.get("startsAt").asText()));
            assertEquals(Rows.single(entities, "SELECT booked_at FROM booking WHERE patient_id = ?1", patient),
                    Instant.parse(data.get("bookedAt").asText()));
            assertFalse(data.has("title") || data.has("location"), "the event names no session title or place");
            assertEquals(Rows.single(entities, "SELECT id FROM booking WHERE session_id = ?1 AND patient_id = ?2",
                    UUID.fromString(session), patient), UUID.fromString(data.get("bookingId").asText()));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(patient).and(UPCOMING)).size() == 1);
        }
    }

    @Test
    void aBookingReleasedAtGraduationIsNeverAnnounced() {
        sessions(track("adult", "morning", 10));
        PlanApproved graduating = approved(UUID.randomUUID(), Population.ADULT, PreferredSchedule.MORNING, "9");
        PlanApproved staying = approved(UUID.randomUUID(), Population.ADULT, PreferredSchedule.MORNING, "9");
        enroll(graduating);
        enroll(staying);
        String released = scheduleOf(graduating.patientId()).get(0);
        String kept = scheduleOf(staying.patientId()).get(0);
        EventRecords.send(EventRecords.of(new PatientGraduated(graduating.planId(), graduating.patientId(),
                Schedule.today(), new AftercareNeeds(List.of(), List.of(), List.of()), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduleOf(graduating.patientId()).isEmpty());

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            reminders.announceUpcoming(startOf(released).minus(Duration.ofHours(1)));
            reminders.announceUpcoming(startOf(kept).minus(Duration.ofHours(1)));

            topic.awaitRecords(keyed(staying.patientId()).and(UPCOMING), 1, Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(graduating.patientId()).and(UPCOMING)).isEmpty());
        }
    }

    @Test
    void theReleaseOfAnAnnouncedBookingIsAnnouncedOnce() {
        sessions(track("adult", "morning", 10));
        PlanApproved plan = approved(UUID.randomUUID(), Population.ADULT, PreferredSchedule.MORNING, "9");
        enroll(plan);
        String first = scheduleOf(plan.patientId()).get(0);
        Instant announcedAt = startOf(first).minus(Duration.ofHours(1));

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            reminders.announceUpcoming(announcedAt);
            topic.awaitRecords(keyed(plan.patientId()).and(UPCOMING), 1, Duration.ofSeconds(20));
            reminders.announceReleased(announcedAt);
            assertEquals(0, Rows.count(entities, "SELECT count(*) FROM session_reminder r JOIN booking b "
                    + "ON b.id = r.booking_id WHERE b.patient_id = ?1 AND r.released_at IS NOT NULL",
                    plan.patientId()), "still booked");

            EventRecords.send(EventRecords.of(new PatientGraduated(plan.planId(), plan.patientId(), Schedule.today(),
                    new AftercareNeeds(List.of(), List.of(), List.of()), Instant.now())));
            await().atMost(Duration.ofSeconds(20)).until(() -> scheduleOf(plan.patientId()).isEmpty());
            reminders.announceReleased(announcedAt.plusSeconds(60));
            reminders.announceReleased(announcedAt.plusSeconds(120));

            JsonNode released = EventRecords.data(topic.awaitRecords(keyed(plan.patientId()).and(RELEASED), 1,
                    Duration.ofSeconds(20)).get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.BOOKING_RELEASED, released));
            assertEquals(first, released.get("sessionId").asText());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(plan.patientId()).and(RELEASED)).size() == 1);
        }
    }

    private static Instant startOf(String session) {
        return Instant.parse(as(SCHEDULER).get("/sessions/" + session).jsonPath().getString("startsAt"));
    }
}
