package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.kit.testapp.Database;
import io.cairn.kit.testapp.FlakyPatients;
import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncomingEventsTest {

    static final String TOPIC = "kit-test.v1";
    static final String DEAD_LETTERS = "kit-test.v1.dlq";

    @Inject
    Database database;
    @Inject
    FlakyPatients flaky;

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> event = referralReceived(patient, UUID.randomUUID());

        send(event, event);
        send(referralReceived(patient, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).until(() -> database.count(
                "select count(*) from inbox_event where consumer = 'tally' and patient_id = ?1", patient.toString()) == 2);
        assertEquals(2L, tally(patient), "two distinct events, the first one delivered twice");
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotApplyIsPassedOverWithoutAnInboxRecord() {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> drafted = new ProducerRecord<>(TOPIC, patient.toString(), """
                {"planId":"%s","patientId":"%s","assessmentId":"%s","draftedAt":"2026-11-24T10:15:30Z"}"""
                .formatted(UUID.randomUUID(), patient, UUID.randomUUID()));
        CloudEventHeaders.write(new EventEnvelope(UUID.randomUUID(), "treatment-plan.plan.drafted",
                URI.create("/cairn/treatment-plan-service"), Instant.now(), patient.toString(), null), drafted.headers());

        send(drafted, referralReceived(patient, UUID.randomUUID()));

        // The referral comes second on the patient's partition: once it is applied, the plan event was passed over.
        await().atMost(Duration.ofSeconds(20)).until(() -> database.count("select count(*) from inbox_event where "
                + "patient_id = ?1 and event_type = 'intake.referral.received'", patient.toString()) == 1);
        assertEquals(1L, tally(patient), "only the referral is applied");
        assertEquals(1L, database.count("select count(*) from inbox_event where patient_id = ?1", patient.toString()),
                "only the referral is in the inbox");
    }

    @Test
    void aRecordOfATypeTheConsumerDoesNotApplyIsPassedOverOnItsTypeEvenWithABrokenEnvelope() {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> othersEvent = new ProducerRecord<>(TOPIC, patient.toString(), "{not json");
        // Only a type: its consumer would park it as unreadable; this one is not its consumer and reads no further.
        othersEvent.headers().add(CloudEventHeaders.TYPE, "treatment-plan.plan.drafted".getBytes());

        ProducerRecord<String, String> noEnvelope = new ProducerRecord<>(TOPIC, patient.toString(),
                referralReceived(patient, UUID.randomUUID()).value());

        try (TopicWatch deadLetters = TopicWatch.of(DEAD_LETTERS)) {
            send(othersEvent, noEnvelope, referralReceived(patient, UUID.randomUUID()));

            // Records are parked in their order: had the first been, it would be parked before the second.
            List<ConsumerRecord<String, String>> parked = deadLetters.awaitRecords(keyed(patient), 1,
                    Duration.ofSeconds(30));
            assertEquals(noEnvelope.value(), parked.get(0).value(), "the record without a type is parked first");
            await().atMost(Duration.ofSeconds(20)).until(() -> tally(patient) == 1L);
            assertEquals(1, deadLetters.records(keyed(patient)).size(), "only the record without a type");
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithTheReasonAndTheNextOneIsStillApplied() {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> notJson = referralReceived(patient, UUID.randomUUID());
        notJson = new ProducerRecord<>(TOPIC, null, patient.toString(), "{not json", notJson.headers());
        ProducerRecord<String, String> schemaBreaking = new ProducerRecord<>(TOPIC, null, patient.toString(),
                referralReceived(patient, UUID.randomUUID()).value().replace("\"self\"", "7"),
                referralReceived(patient, UUID.randomUUID()).headers());
        ProducerRecord<String, String> noEnvelope = new ProducerRecord<>(TOPIC, patient.toString(),
                referralReceived(patient, UUID.randomUUID()).value());

        try (TopicWatch deadLetters = TopicWatch.of(DEAD_LETTERS)) {
            send(notJson, schemaBreaking, noEnvelope, referralReceived(patient, UUID.randomUUID()));

            List<ConsumerRecord<String, String>> parked = deadLetters.awaitRecords(keyed(patient), 3,
                    Duration.ofSeconds(30));
            assertEquals(3, parked.size());
            assertTrue(header(parked.get(0), "dead-letter-reason").contains("not JSON"),
                    header(parked.get(0), "dead-letter-reason"));
            assertTrue(header(parked.get(1), "dead-letter-reason").contains("violates its schema"),
                    header(parked.get(1), "dead-letter-reason"));
            assertTrue(header(parked.get(2), "dead-letter-reason").contains("no valid CloudEvents envelope"),
                    header(parked.get(2), "dead-letter-reason"));
            assertEquals("{not json", parked.get(0).value(), "the original record is kept for replay");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> tally(patient) == 1L);
    }

    @Test
    void aTransientFailureIsRetriedAndTheEffectAppliedOnce() {
        UUID patient = UUID.randomUUID();
        flaky.failTimes(patient, 2);

        send(referralReceived(patient, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).until(() -> tally(patient) == 1L);
        assertEquals(3, flaky.attempts(patient));
    }

    @Test
    void aDatabaseOutageIsWaitedOutNotDeadLettered() {
        UUID patient = UUID.randomUUID();
        flaky.failLikeAnOutage(patient, 8);

        try (TopicWatch deadLetters = TopicWatch.of(DEAD_LETTERS)) {
            send(referralReceived(patient, UUID.randomUUID()));

            await().atMost(Duration.ofSeconds(30)).until(() -> tally(patient) == 1L);
            assertEquals(9, flaky.attempts(patient), "eight failed attempts, more than the retries for a bad event");
            assertEquals(List.of(), deadLetters.records(keyed(patient)));
        }
    }

    @Test
    void anEffectThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
        UUID patient = UUID.randomUUID();
        flaky.failTimes(patient, Integer.MAX_VALUE);

        try (TopicWatch deadLetters = TopicWatch.of(DEAD_LETTERS)) {
            send(referralReceived(patient, UUID.randomUUID()));

            ConsumerRecord<String, String> parked = deadLetters.awaitRecords(keyed(patient), 1, Duration.ofSeconds(30))
                    .get(0);
            assertTrue(header(parked, "dead-letter-reason").contains("transient failure"),
                    header(parked, "dead-letter-reason"));
        }
        assertEquals(4, flaky.attempts(patient), "the first attempt and three retries");
        assertEquals(0L, tally(patient));
        assertEquals(0, database.count("select count(*) from inbox_event where patient_id = ?1", patient.toString()),
                "nothing remembered for an event whose effect never applied");
    }

    @Test
    void aPollsEventsAreAppliedInFewTransactionsEachOnceAndInOrder() {
        UUID patient = UUID.randomUUID();
        List<ProducerRecord<String, String>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(referralReceived(patient, UUID.randomUUID()));
        }
        events.add(events.get(7));

        send(events.toArray(ProducerRecord[]::new));

        await().atMost(Duration.ofSeconds(20)).until(() -> tally(patient) == 50L);
        assertEquals(50, database.count("select count(*) from inbox_event where consumer = 'tally' "
                + "and patient_id = ?1", patient.toString()), "each event once, the one sent twice too");
        // The inbox rows of one transaction share its id (xmin): a poll's events commit together.
        long transactions = database.count("select count(distinct xmin::text) from inbox_event "
                + "where consumer = 'tally' and patient_id = ?1", patient.toString());
        assertTrue(transactions < 25, transactions + " transactions for 50 events");
    }

    @Test
    void anEventWhoseEffectKeepsFailingIsParkedAloneAndTheRestOfItsBatchApplied() {
        UUID steady = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        flaky.failTimes(failing, Integer.MAX_VALUE);

        try (TopicWatch deadLetters = TopicWatch.of(DEAD_LETTERS)) {
            send(referralReceived(steady, UUID.randomUUID()), referralReceived(failing, UUID.randomUUID()),
                    referralReceived(steady, UUID.randomUUID()), referralReceived(steady, UUID.randomUUID()));

            ConsumerRecord<String, String> parked = deadLetters.awaitRecords(keyed(failing), 1,
                    Duration.ofSeconds(30)).get(0);
            assertTrue(header(parked, "dead-letter-reason").contains("transient failure"),
                    header(parked, "dead-letter-reason"));
            assertEquals(TOPIC, header(parked, "dead-letter-topic"));
            await().atMost(Duration.ofSeconds(20)).until(() -> tally(steady) == 3L);
            assertEquals(List.of(), deadLetters.records(keyed(steady)));
        }
        assertEquals(0L, tally(failing));
    }

    private long tally(UUID patient) {
        Object events = database.single("select events from patient_tally where patient_id = ?1", patient);
        return events == null ? 0L : ((Number) events).longValue();
    }

    @SafeVarargs
    private static void send(ProducerRecord<String, String>... records) {
        KafkaResource.companion().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
    }

    private static ProducerRecord<String, String> referralReceived(UUID patient, UUID referral) {
        String data = """
                {"referralId":"%s","patientId":"%s","source":"self","urgent":false,"readmissionOf":null,\
                "receivedAt":"2026-11-24T10:15:30Z"}""".formatted(referral, patient);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, patient.toString(), data);
        CloudEventHeaders.write(new EventEnvelope(UUID.randomUUID(), "intake.referral.received",
                URI.create("/cairn/intake-service"), Instant.now(), patient.toString(), null), record.headers());
        return record;
    }
}
