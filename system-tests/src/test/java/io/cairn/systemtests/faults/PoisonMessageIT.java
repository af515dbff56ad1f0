package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.EnrollmentStatus;
import io.cairn.contracts.events.EventPayload;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.contracts.kafka.CloudEventHeaders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record that cannot be read lands on each consuming topic, followed on the same partition by a well-formed one:
 * every consumer parks the poison on the topic's dead-letter topic with the reason, and goes on to apply the next.
 */
class PoisonMessageIT {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A topic, the databases of the services consuming it, and a harmless event of a type they all read. */
    record Consumed(String topic, List<String> consumers, EventType poisonType, EventPayload next) {

        @Override
        public String toString() {
            return topic;
        }
    }

    static List<Consumed> consumedTopics() {
        UUID patient = UUID.randomUUID();
        Instant now = Instant.now();
        return List.of(
                new Consumed(Topics.INTAKE, List.of("treatment_plan", "scheduling", "aftercare"),
                        EventType.ASSESSMENT_COMPLETED, new ReferralReceived(UUID.randomUUID(), patient,
                                ReferralSource.SELF, false, null, now)),
                new Consumed(Topics.TREATMENT_PLAN, List.of("scheduling", "aftercare"), EventType.PLAN_APPROVED,
                        new PlanDrafted(UUID.randomUUID(), patient, UUID.randomUUID(), now)),
                new Consumed(Topics.SCHEDULING, List.of("treatment_plan"), EventType.ATTENDANCE_RECORDED,
                        new PatientEnrolled(UUID.randomUUID(), patient, UUID.randomUUID(),
                                EnrollmentStatus.WAITLISTED, null, null, "No track fits (fault suite)", now)),
                new Consumed(Topics.AFTERCARE, List.of("intake"), EventType.RELAPSE_REPORTED,
                        new AftercareReferralCreated(UUID.randomUUID(), patient, UUID.randomUUID(),
                                LocalDate.now(), List.of(7, 30, 90, 180, 365), false, null, now)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumedTopics")
    void aPoisonMessageIsParkedWithItsReasonAndTheNextOneIsApplied(Consumed consumed) throws Exception {
        String patient = JSON.valueToTree(consumed.next()).get("patientId").asText();
        EventEnvelope poison = EventEnvelope.of(consumed.poisonType(), URI.create("/cairn/fault-suite"),
                UUID.fromString(patient), null);
        EventType nextType = EventType.of(consumed.next());
        EventEnvelope next = EventEnvelope.of(nextType, URI.create("/cairn/fault-suite"), UUID.fromString(patient),
                null);
        ProducerRecord<String, String> unreadable = new ProducerRecord<>(consumed.topic(), patient,
                "{\"assessmentId\": not json at all");
        CloudEventHeaders.write(poison, unreadable.headers());
        ProducerRecord<String, String> wellFormed = new ProducerRecord<>(consumed.topic(), patient,
                JSON.writeValueAsString(consumed.next()));
        CloudEventHeaders.write(next, wellFormed.headers());
        var sent = EventLog.send(List.of(unreadable, wellFormed));
        assertEquals(sent.get(0).partition(), sent.get(1).partition(), "the next record follows on the partition");

        // Each consuming service applied the next record: its inbox has it.
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed.consumers().stream().allMatch(db -> Databases
                .count(db, "SELECT count(*) FROM inbox_event WHERE event_id = ?::uuid", next.id().toString()) == 1));
        // ...and parked the poison, with the reason.
        String deadLetters = Topics.deadLetterOf(consumed.topic());
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(deadLetters, poison.id()).size() == consumed
                .consumers().size());
        List<EventLog.Event> parked = parked(deadLetters, poison.id());
        for (EventLog.Event event : parked) {
            String reason = event.headers().get("dead-letter-reason");
            assertFalse(reason == null || reason.isBlank(), "a dead letter says why: " + event.headers());
        }
        assertEquals(0, parked(deadLetters, next.id()).size(), "the well-formed record was not dead-lettered");
        for (String db : consumed.consumers()) {
            assertEquals(0, Databases.count(db, "SELECT count(*) FROM inbox_event WHERE event_id = ?::uuid",
                    poison.id().toString()), "the poison had no effect in " + db);
        }
        Report.figures("poison message on " + consumed.topic(),
                "consumers=%d, parked on %s=%d (reason: %s), next record applied by %d"
                        .formatted(consumed.consumers().size(), deadLetters, parked.size(),
                                parked.get(0).headers().get("dead-letter-reason"), consumed.consumers().size()));
    }

    private static List<EventLog.Event> parked(String deadLetters, UUID eventId) {
        return EventLog.read(deadLetters).stream().filter(e -> eventId.toString().equals(e.id())).toList();
    }
}
