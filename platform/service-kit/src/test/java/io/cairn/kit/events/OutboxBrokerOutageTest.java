package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import io.cairn.kit.testapp.Database;
import io.cairn.kit.testapp.ReferralNotes;
import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.TopicWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxBrokerOutageTest {

    @Inject
    ReferralNotes notes;
    @Inject
    Database database;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEveryEventArrivesOnceInPatientOrderWhenItIsBack() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<UUID> aliceReferrals = new ArrayList<>();
        List<UUID> bobReferrals = new ArrayList<>();

        KafkaResource.stopBroker();
        try {
            for (int i = 0; i < 5; i++) {
                aliceReferrals.add(notes.record(alice, "alice " + i).id);
                bobReferrals.add(notes.record(bob, "bob " + i).id);
            }
            assertEquals(10, database.count(
                    "select count(*) from outbox_event where patient_id in (?1, ?2) and sent_at is null",
                    alice.toString(), bob.toString()), "stored, waiting for the broker");
            double failedBefore = failedBatches();
            await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches() >= failedBefore + 2);
        } finally {
            KafkaResource.startBroker();
        }

        try (TopicWatch topic = TopicWatch.of(Topics.INTAKE)) {
            assertEquals(aliceReferrals, referralsIn(topic.awaitRecords(keyed(alice), 5, Duration.ofSeconds(60))));
            assertEquals(bobReferrals, referralsIn(topic.awaitRecords(keyed(bob), 5, Duration.ofSeconds(60))));
            List<ConsumerRecord<String, String>> all = new ArrayList<>(topic.records(keyed(alice)));
            all.addAll(topic.records(keyed(bob)));
            assertEquals(10, new HashSet<>(all.stream().map(r -> header(r, "ce_id")).toList()).size(),
                    "each event once");
        }
        assertEquals(0, database.count("select count(*) from outbox_event where patient_id in (?1, ?2) and sent_at is null",
                alice.toString(), bob.toString()));
    }

    /** The relay has really met the outage: its failure, back-off and retry path is what this test exercises. */
    private double failedBatches() {
        return meters.counter("cairn.outbox.batches.failed").count();
    }

    private List<UUID> referralsIn(List<ConsumerRecord<String, String>> records) throws Exception {
        List<UUID> referrals = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            referrals.add(UUID.fromString(json.readTree(record.value()).get("referralId").asText()));
        }
        return referrals;
    }
}
