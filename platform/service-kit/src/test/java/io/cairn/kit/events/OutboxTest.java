package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import io.cairn.kit.testapp.Database;
import io.cairn.kit.testapp.ReferralNote;
import io.cairn.kit.testapp.ReferralNotes;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    static TopicWatch intakeTopic;

    @Inject
    ReferralNotes notes;
    @Inject
    Database database;
    @Inject
    ObjectMapper json;

    @BeforeAll
    static void watch() {
        intakeTopic = TopicWatch.of(Topics.INTAKE);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    @Test
    void committedEventReachesItsTopicAsACloudEventKeyedByPatient() throws Exception {
        UUID patient = UUID.randomUUID();

        ReferralNote note = notes.record(patient, "self-referral after detox");

        ConsumerRecord<String, String> record = intakeTopic.awaitRecords(keyed(patient), 1, Duration.ofSeconds(15))
                .get(0);
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("intake.referral.received", header(record, "ce_type"));
        assertEquals("/cairn/kit-test", header(record, "ce_source"));
        assertEquals(patient.toString(), header(record, "ce_subject"));
        assertEquals("application/json", header(record, "content-type"));
        assertNotNull(Instant.parse(header(record, "ce_time")));
        UUID eventId = UUID.fromString(header(record, "ce_id"));
        JsonNode data = json.readTree(record.value());
        assertEquals(note.id.toString(), data.get("referralId").asText());
        assertEquals("self", data.get("source").asText());
        assertEquals(1, database.count("select count(*) from outbox_event where event_id = ?1 and sent_at is not null",
                eventId));
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID patient = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> notes.record(patient, ReferralNotes.FAIL_AFTER_PUBLISH));
        ReferralNote committed = notes.record(patient, "written after the failed one");

        // Once the later, committed event is on the topic, the relay has passed the rolled-back one's place.
        intakeTopic.awaitRecords(r -> committed.id.equals(referralOf(r)), 1, Duration.ofSeconds(15));
        List<ConsumerRecord<String, String>> records = intakeTopic.records(keyed(patient));
        assertEquals(1, records.size());
        assertEquals(committed.id, referralOf(records.get(0)));
        assertEquals(0, database.count("select count(*) from referral_note where text = ?1 and patient_id = ?2",
                ReferralNotes.FAIL_AFTER_PUBLISH, patient));
        assertEquals(1, database.count("select count(*) from outbox_event where patient_id = ?1", patient.toString()));
    }

    private UUID referralOf(ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(json.readTree(record.value()).get("referralId").asText());
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void eventThatBreaksItsSchemaIsRefusedAndNothingIsWritten() {
        UUID patient = UUID.randomUUID();
        long before = database.count("select count(*) from outbox_event");

        assertThrows(IllegalArgumentException.class, () -> notes.record(patient, "no source given", null));

        assertEquals(before, database.count("select count(*) from outbox_event"));
        assertEquals(0, database.count("select count(*) from referral_note where patient_id = ?1", patient));
    }
}
