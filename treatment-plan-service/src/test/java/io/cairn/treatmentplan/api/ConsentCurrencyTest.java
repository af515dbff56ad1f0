package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import io.cairn.contracts.Topics;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.RelayCheckpoint;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Part 2 fails closed: without intake's word that the copy of its consents is current, on every partition of its
 * topic and recently, an EHR client gets a 503 from this service whatever it asks, and staff are served as ever.
 */
@QuarkusTest
@TestProfile(ConsentCurrencyTest.WithoutIntakesCheckpoints.class)
class ConsentCurrencyTest {

    /** Here the test plays intake's relay, and the copy goes stale in seconds. */
    public static class WithoutIntakesCheckpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cairn.outbox.checkpoint-topic", "", "cairn.consent.max-staleness", "3s");
        }
    }

    @Test
    void anEhrIsRefusedWhileTheConsentsMayBeBehindIntakes() {
        UUID patient = UUID.randomUUID();
        String plan = draftPlan(patient).getString("id");
        String ehr = Tokens.forEhrClient(ConsentProjectionTest.EHR);
        EventRecords.send(EventRecords.of(ConsentProjectionTest.change(UUID.randomUUID(), patient,
                List.of(RecordCategory.TREATMENT_PLANS), ConsentStatus.ACTIVE, Instant.now(), 1)));

        // Never heard from intake's relay: the consent above may have been revoked since.
        refused(ehr, "/treatment-plans/" + plan);
        refused(ehr, "/treatment-plans/" + UUID.randomUUID());
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);

        // Heard on some partitions only: still behind on the others.
        Instant heard = Instant.now();
        checkpoints(heard, 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> checkpointOf(0).filter(asOf -> asOf.isAfter(heard.minusSeconds(1))).isPresent());
        refused(ehr, "/treatment-plans/" + plan);

        checkpoints(Instant.now(), IntStream.range(1, KafkaResource.PARTITIONS).toArray());
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 200);

        // Nothing more from intake (a broker outage, a relay in back-off): refused once the copy is 3 s old.
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 503);
        refused(ehr, "/treatment-plans/" + plan);
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);
    }

    @Inject
    EntityManager entities;

    private Optional<Instant> checkpointOf(int partition) {
        List<?> asOf = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "select as_of from consent_checkpoint where partition = ?1").setParameter(1, partition).getResultList());
        return asOf.stream().findFirst().map(value -> value instanceof java.time.OffsetDateTime time ? time.toInstant()
                : (Instant) value);
    }

    private static void refused(String ehr, String path) {
        as(ehr).get(path).then().statusCode(503).header("Retry-After", "15")
                .body("type", endsWith("consent-unverifiable"));
    }

    @SuppressWarnings("unchecked")
    private static void checkpoints(Instant asOf, int... partitions) {
        EventRecords.send(IntStream.of(partitions)
                .mapToObj(p -> new RelayCheckpoint(p, KafkaResource.PARTITIONS, asOf).toRecord(Topics.INTAKE))
                .toArray(ProducerRecord[]::new));
    }
}
