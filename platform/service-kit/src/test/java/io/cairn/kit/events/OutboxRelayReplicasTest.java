package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import io.cairn.kit.testapp.ReferralNotes;
import io.cairn.testkit.TopicWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    void threeRelaysOverOneBacklogPublishEachEventOnceInPatientOrder() throws Exception {
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<List<UUID>> written = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<OutboxRelay> otherReplicas = List.of(
                new OutboxRelay(dataSource, config, kafkaConfig, meters),
                new OutboxRelay(dataSource, config, kafkaConfig, meters));
        try (TopicWatch topic = TopicWatch.of(Topics.INTAKE)) {
            // One commit leaves a backlog of many batches (batch size 5 in these tests) for all relays at once.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 20; i++) {
                    for (int p = 0; p < patients.size(); p++) {
                        written.get(p).add(notes.record(patients.get(p), "note " + i).id);
                    }
                }
            });
            otherReplicas.forEach(relay -> relay.start(null));

            for (int p = 0; p < patients.size(); p++) {
                UUID patient = patients.get(p);
                await().atMost(Duration.ofSeconds(30)).until(() -> topic.records(keyed(patient)).size() >= 20);
            }
            // Wait until nothing more arrives, so that late duplicates would be seen too.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> patients.stream().mapToInt(p -> topic.records(keyed(p)).size()).sum() == 60);
            for (int p = 0; p < patients.size(); p++) {
                assertEquals(written.get(p), referralsIn(topic.records(keyed(patients.get(p)))),
                        "each event once, in the order written");
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
