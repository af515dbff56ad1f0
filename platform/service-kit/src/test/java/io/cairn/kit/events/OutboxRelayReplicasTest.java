package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import io.cairn.kit.testapp.ReferralNotes;
import io.cairn.testkit.TopicWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Several replicas of a service each run a relay over the same outbox table. */
@QuarkusTest
class OutboxRelayReplicasTest {

    @Inject
    ReferralNotes notes;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void threeRelaysTogetherPublishEachEventOnceInPatientOrder() throws Exception {
        List<OutboxRelay> otherReplicas = List.of(
                new OutboxRelay(dataSource, config, kafkaConfig, meters),
                new OutboxRelay(dataSource, config, kafkaConfig, meters));
        otherReplicas.forEach(relay -> relay.start(null));
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<List<UUID>> written = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (TopicWatch topic = TopicWatch.of(Topics.INTAKE)) {
            for (int i = 0; i < 20; i++) {
                for (int p = 0; p < patients.size(); p++) {
                    written.get(p).add(notes.record(patients.get(p), "note " + i).id);
                    otherReplicas.forEach(OutboxRelay::wakeUp);
                }
            }

            for (int p = 0; p < patients.size(); p++) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(keyed(patients.get(p)), 20,
                        Duration.ofSeconds(30));
                assertEquals(written.get(p), referralsIn(records), "each event once, in the order written");
            }
        } finally {
            for (OutboxRelay relay : otherReplicas) {
                relay.stop(null);
            }
        }
    }

    private List<UUID> referralsIn(List<ConsumerRecord<String, String>> records) throws Exception {
        List<UUID> referrals = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            referrals.add(UUID.fromString(json.readTree(record.value()).get("referralId").asText()));
        }
        return referrals;
    }
}
