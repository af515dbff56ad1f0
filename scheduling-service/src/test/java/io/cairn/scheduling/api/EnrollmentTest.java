package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.approved;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.enroll;
import static io.cairn.scheduling.api.Schedule.enrollmentsOf;
import static io.cairn.scheduling.api.Schedule.scheduleOf;
import static io.cairn.scheduling.api.Schedule.sessions;
import static io.cairn.scheduling.api.Schedule.track;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrollmentTest {

    @Test
    void anApprovedPlanDeliveredTwiceEnrollsOnceAndBooksTheTracksSessions() {
        String track = track("adult", "weekend", 10);
        List<String> sessions = sessions(track);
        UUID patient = UUID.randomUUID();
        PlanApproved plan = approved(patient, Population.ADULT, PreferredSchedule.WEEKEND, "9");
        ProducerRecord<String, String> event = EventRecords.of(plan);

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            EventRecords.send(event, event);
            await().atMost(Duration.ofSeconds(20)).until(() -> enrollmentsOf(patient).getList("").size() == 1);

            List<ConsumerRecord<String, String>> enrolled = topic.awaitRecords(keyed(patient), 1,
                    Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(patient)).size() == 1 && enrollmentsOf(patient).getList("")
                            .size() == 1);
            JsonNode data = EventRecords.data(enrolled.get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PATIENT_ENROLLED, data));
            assertEquals("enrolled", data.get("status").asText());
            assertEquals(track, data.get("trackId").asText());
        }
        assertEquals(sessions, scheduleOf(patient), "booked into every future session of the track");
        assertEquals(6, sessions.size(), "three 3-hour groups a week for two weeks: 9 hours a week");
    }

    @Test
    void noFittingTrackWaitlistsWithTheReason() {
        UUID patient = UUID.randomUUID();

        JsonPath enrollment = enroll(approved(patient, Population.ADOLESCENT, PreferredSchedule.MORNING, "19"));

        assertEquals("waitlisted", enrollment.getString("status"));
        assertTrue(enrollment.getString("waitlistReason").contains("adolescent morning"),
                enrollment.getString("waitlistReason"));
        as(SCHEDULER).queryParam("status", "waitlisted").get("/enrollments").then().statusCode(200)
                .body("patientId", hasItem(patient.toString()));
        assertEquals(List.of(), scheduleOf(patient));
    }

    @Test
    void aTrackThatProvidesTooFewHoursOrIsFullIsPassedOver() {
        String small = track("adult", "morning", 1);
        sessions(small);
        JsonPath first = enroll(approved(UUID.randomUUID(), Population.ADULT, PreferredSchedule.MORNING, "9"));
        assertEquals("enrolled", first.getString("status"));

        JsonPath second = enroll(approved(UUID.randomUUID(), Population.ADULT, PreferredSchedule.MORNING, "12"));
        assertEquals("waitlisted", second.getString("status"));
    }

    @Test
    void aFullSessionIsSkippedAndTheEnrollmentStillHappens() {
        String track = track("adolescent", "weekend", 1);
        List<String> sessions = sessions(track);
        as(SCHEDULER).body("{\"patientId\":\"" + UUID.randomUUID() + "\"}")
                .post("/sessions/" + sessions.get(0) + "/bookings").then().statusCode(201);
        UUID patient = UUID.randomUUID();

        JsonPath enrollment = enroll(approved(patient, Population.ADOLESCENT, PreferredSchedule.WEEKEND, "6"));

        assertEquals("enrolled", enrollment.getString("status"));
        assertEquals(sessions.subList(1, sessions.size()), scheduleOf(patient));
    }

    @Test
    void graduationReleasesFutureBookingsOnce() {
        String track = track("adult", "evening", 10);
        sessions(track);
        UUID patient = UUID.randomUUID();
        PlanApproved plan = approved(patient, Population.ADULT, PreferredSchedule.EVENING, "9");
        enroll(plan);
        assertEquals(6, scheduleOf(patient).size());

        ProducerRecord<String, String> graduated = EventRecords.of(new PatientGraduated(plan.planId(), patient,
                Schedule.today(), new AftercareNeeds(List.of("alcohol"), List.of(), List.of()), Instant.now()));
        EventRecords.send(graduated, graduated);

        await().atMost(Duration.ofSeconds(20)).until(() -> scheduleOf(patient).isEmpty());
        assertEquals("ended", enrollmentsOf(patient).getString("[0].status"));
        assertEquals("graduated", enrollmentsOf(patient).getString("[0].endReason"));
    }

    @Test
    void aRevisionWithMoreHoursMovesTheEnrollmentToATrackThatGivesThem() {
        // Adolescent morning tracks are these tests' own: the other tests enroll in theirs.
        sessions(track("adolescent", "morning", 10));
        UUID patient = UUID.randomUUID();
        PlanApproved plan = approved(patient, Population.ADOLESCENT, PreferredSchedule.MORNING, "9");
        enroll(plan);
        String longer = twelveHourTrack("adolescent", "morning");
        List<String> longerSessions = sessions(longer);
        // A family session booked by hand is the patient's own, not the track's: a move keeps it.
        String family = as(SCHEDULER).body("""
                {"kind":"family","title":"Family session","facilitatorId":"clinician-%s","capacity":1,
                 "startsAt":"%sT15:00:00Z","endsAt":"%sT15:50:00Z","patientIds":["%s"]}"""
                .formatted(UUID.randomUUID(), Schedule.today().plusDays(3), Schedule.today().plusDays(3), patient))
                .post("/sessions").then().statusCode(201).extract().path("id");

        try (TopicWatch topic = TopicWatch.of(Topics.SCHEDULING)) {
            ProducerRecord<String, String> revised = EventRecords.of(revised(plan, "12", PreferredSchedule.MORNING));
            EventRecords.send(revised, revised);

            await().atMost(Duration.ofSeconds(20)).until(() -> longer.equals(enrollmentsOf(patient)
                    .getString("[0].trackId")));
            // The first enrollment's event may still be on its way: the move is the one naming the new track.
            java.util.function.Predicate<ConsumerRecord<String, String>> move = keyed(patient)
                    .and(r -> longer.equals(EventRecords.data(r).path("trackId").asText()));
            JsonNode moved = EventRecords.data(topic.awaitRecords(move, 1, Duration.ofSeconds(20)).get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PATIENT_ENROLLED, moved));
            assertEquals("enrolled", moved.get("status").asText());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(move).size() == 1);
        }
        assertEquals(1, enrollmentsOf(patient).getList("").size());
        assertEquals("enrolled", enrollmentsOf(patient).getString("[0].status"));
        assertEquals(12.0f, enrollmentsOf(patient).getFloat("[0].weeklyHoursTarget"));
        List<String> booked = new java.util.ArrayList<>(longerSessions);
        booked.add(family);
        assertEquals(new java.util.HashSet<>(booked), new java.util.HashSet<>(scheduleOf(patient)),
                "the old track's sessions released, the new one's booked, the family session kept");
    }

    @Test
    void aRevisionTheTrackStillMeetsKeepsItAndOneNoTrackMeetsWaitlists() {
        sessions(track("adolescent", "morning", 10));
        UUID patient = UUID.randomUUID();
        PlanApproved plan = approved(patient, Population.ADOLESCENT, PreferredSchedule.MORNING, "6");
        enroll(plan);
        String enrolledIn = enrollmentsOf(patient).getString("[0].trackId");
        List<String> booked = scheduleOf(patient);
        assertTrue(!booked.isEmpty(), "enrolled and booked");

        EventRecords.send(EventRecords.of(revised(plan, "9", PreferredSchedule.MORNING)));
        await().atMost(Duration.ofSeconds(20)).until(() -> enrollmentsOf(patient)
                .getFloat("[0].weeklyHoursTarget") == 9.0f);
        assertEquals(enrolledIn, enrollmentsOf(patient).getString("[0].trackId"));
        assertEquals(booked, scheduleOf(patient));

        EventRecords.send(EventRecords.of(revised(plan, "19", PreferredSchedule.MORNING)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "waitlisted".equals(enrollmentsOf(patient)
                .getString("[0].status")));
        assertTrue(enrollmentsOf(patient).getString("[0].waitlistReason").contains("19"));
        assertEquals(List.of(), scheduleOf(patient), "the track's future sessions released");
        assertEquals(null, enrollmentsOf(patient).getString("[0].startsOn"), "no start on the waitlist");

        // Still no track gives the hours: the patient keeps their place in the waitlist's queue.
        String decided = enrollmentsOf(patient).getString("[0].decidedAt");
        EventRecords.send(EventRecords.of(revised(plan, "18", PreferredSchedule.MORNING)));
        await().atMost(Duration.ofSeconds(20)).until(() -> enrollmentsOf(patient)
                .getFloat("[0].weeklyHoursTarget") == 18.0f);
        assertEquals(decided, enrollmentsOf(patient).getString("[0].decidedAt"));
        assertEquals("waitlisted", enrollmentsOf(patient).getString("[0].status"));
    }

    private static PlanRevised revised(PlanApproved plan, String hours, PreferredSchedule schedule) {
        return new PlanRevised(plan.planId(), plan.patientId(), plan.planVersion() + 1, plan.population(),
                new BigDecimal(hours), schedule, plan.expectedWeeks(), Instant.now());
    }

    /** Four 3-hour groups a week. */
    private static String twelveHourTrack(String ageGroup, String scheduleType) {
        return as(SCHEDULER)
                .body("""
                        {"name":"12-hour %s","scheduleType":"%s","ageGroup":"%s","capacity":10,"facilitatorId":"%s",
                         "location":"Room 3, 14 Main St","activeFrom":"%s",
                         "blocks":[{"day":"MONDAY","start":"09:00","end":"12:00","groupType":"process-group","title":"Process group"},
                                   {"day":"TUESDAY","start":"09:00","end":"12:00","groupType":"cbt-skills","title":"CBT skills"},
                                   {"day":"WEDNESDAY","start":"09:00","end":"12:00","groupType":"dbt-skills","title":"DBT skills"},
                                   {"day":"THURSDAY","start":"09:00","end":"12:00","groupType":"relapse-prevention","title":"Relapse prevention"}]}"""
                        .formatted(UUID.randomUUID(), scheduleType, ageGroup, "facilitator-" + UUID.randomUUID(),
                                Schedule.today().minusDays(30)))
                .post("/tracks").then().statusCode(201).extract().path("id");
    }
}
