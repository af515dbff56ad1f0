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
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.EventPayload;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.systemtests.Platform;
import java.math.BigDecimal;
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

    /**
     * A topic, the databases of the consumers applying it (a service's name once for each of its consumers that
     * does), and a harmless event of a type they all apply (a consumer passes over the types it does not apply: those
     * are neither parked nor recorded).
     */
    record Consumed(String topic, List<String> consumers, EventType poisonType, EventPayload next) {

        @Override
        public String toString() {
            return topic + " (" + String.join(", ", consumers) + ")";
        }
    }

    static List<Consumed> consumedTopics() {
        UUID patient = UUID.randomUUID();
        Instant now = Instant.now();
        return List.of(
                new Consumed(Topics.INTAKE, List.of("treatment_plan", "scheduling", "aftercare"),
                        EventType.CONSENT_CHANGED, new ConsentChanged(UUID.randomUUID(), patient, "fault-suite-ehr",
                                ConsentPurpose.TREATMENT, List.of(RecordCategory.DEMOGRAPHICS), ConsentStatus.ACTIVE,
                                LocalDate.now(), null, now, 1L)),
                new Consumed(Topics.INTAKE, List.of("aftercare", "worklist"), EventType.REFERRAL_RECEIVED,
                        new ReferralReceived(UUID.randomUUID(), patient, ReferralSource.PHYSICIAN, false, null, now)),
                // Intake applies an episode's end twice over: its subscriptions' notification, and its reminders' stop.
                new Consumed(Topics.TREATMENT_PLAN, List.of("scheduling", "aftercare", "worklist", "intake", "intake"),
                        EventType.PATIENT_GRADUATED,
                        new PatientDischarged(UUID.randomUUID(), patient, DischargeReason.MOVED, LocalDate.now(),
                                new AftercareNeeds(List.of(), List.of(), List.of()), now)),
                new Consumed(Topics.SCHEDULING, List.of("treatment_plan", "worklist"), EventType.ENGAGEMENT_ALERT,
                        new EngagementAlert(patient, EngagementRisk.MISSED_SESSIONS, "2026-W01", BigDecimal.ZERO,
                                BigDecimal.ONE, 2, now)),
                // Intake applies a relapse twice over: its readmission, and its subscriptions' relapse-reported.
                new Consumed(Topics.AFTERCARE, List.of("intake", "intake"), EventType.RELAPSE_REPORTED, null),
                // What intake reminds patients of, from each of the three services.
                new Consumed(Topics.SCHEDULING, List.of("intake"), EventType.SESSION_UPCOMING,
                        new SessionUpcoming(UUID.randomUUID(), patient, UUID.randomUUID(), now.plusSeconds(3_600),
                                now)),
                new Consumed(Topics.TREATMENT_PLAN, List.of("intake"), EventType.RE_SCREEN_DUE,
                        new ReScreenDue(UUID.randomUUID(), patient, LocalDate.now(), now)),
                new Consumed(Topics.TREATMENT_PLAN, List.of("intake"), EventType.RE_SCREENS_DONE,
                        new ReScreensDone(UUID.randomUUID(), patient, now)),
                new Consumed(Topics.AFTERCARE, List.of("intake"), EventType.CHECK_IN_DUE,
                        new CheckInDue(UUID.randomUUID(), patient, LocalDate.now(), LocalDate.now().plusDays(7), now)),
                // The worklist closes the check-in's task; intake withdraws its reminder.
                new Consumed(Topics.AFTERCARE, List.of("worklist", "intake"), EventType.CHECK_IN_RECORDED,
                        new CheckInRecorded(UUID.randomUUID(), patient, UUID.randomUUID(), 7, LocalDate.now(), true,
                                now)));
    }

    /** A relapse readmits a patient intake knows: one is registered for it. */
    private static EventPayload relapseOfARegisteredPatient() {
        Api.Answer registered = new Api(Platform.GATEWAY).post("/patients", Platform.tokenOf("coordinator",
                "coordinator"),
                """
                        {"givenName":"Poison","familyName":"Fault-%s","birthDate":"1984-03-02","sex":"female",
                         "ageGroup":"adult","identifiers":[{"system":"urn:cairn:fault-suite","value":"poison-%s"}]}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertEquals(201, registered.status(), registered.toString());
        UUID patient = UUID.fromString(registered.json().get("id").asText());
        return new RelapseReported(patient, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumedTopics")
    void aPoisonMessageIsParkedWithItsReasonAndTheNextOneIsApplied(Consumed given) throws Exception {
        Consumed consumed = given.next() != null ? given
                : new Consumed(given.topic(), given.consumers(),
                        given.poisonType(), relapseOfARegisteredPatient());
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
                .count(db, "SELECT count(*) FROM inbox_event WHERE event_id = ?::uuid",
                        next.id().toString()) == java.util.Collections.frequency(consumed.consumers(), db)));
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
        if (consumed.poisonType() == EventType.CONSENT_CHANGED) {
            // It may have been a revocation: each service holds the patient's records from every EHR until it is
            // applied (replayed), rather than go on disclosing under a consent it cannot know is still given.
            for (String db : consumed.consumers()) {
                assertEquals(1, Databases.count(db, "SELECT count(*) FROM consent_hold WHERE patient_id = ?::uuid",
                        patient), "the patient is held in " + db);
            }
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
