package io.cairn.kit.events;

import static io.cairn.testkit.TopicWatch.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Topics;
import io.cairn.kit.testapp.Database;
import io.cairn.kit.testapp.ReferralNotes;
import io.cairn.testkit.TopicWatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The delivery bookkeeping is purged once old, in batches (two rows each in tests), while events are written and
 * published: sent outbox rows and inbox rows past the retention go; unsent rows, recent rows and the audit log stay, and
 * every event written meanwhile reaches its topic.
 */
@QuarkusTest
class EventRetentionTest {

    @Inject
    EventRetention retention;
    @Inject
    ReferralNotes notes;
    @Inject
    Database database;
    @Inject
    EntityManager entities;

    @Test
    void oldSentAndAppliedRowsArePurgedWhileEventsFlowAndNothingElseIs() throws Exception {
        String run = UUID.randomUUID().toString();
        List<UUID> patients = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        try (Connection relayHeld = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
                TopicWatch topic = TopicWatch.of(Topics.INTAKE)) {
            // The relay is held off for a moment, so that an old row stays unsent while the purge runs.
            relayHeld.setAutoCommit(false);
            try (PreparedStatement lock = relayHeld.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            seed(run);

            CompletableFuture<Void> flowing = CompletableFuture.runAsync(() -> patients.forEach(p -> notes.record(p,
                    "written while the purge runs")));
            EventRetention.Purged purged = retention.purge();
            flowing.join();

            assertEquals(7, purged.outbox(), "the old sent outbox rows");
            assertEquals(5, purged.inbox(), "the old inbox rows");
            assertEquals(List.of(marker(run, "old-unsent"), marker(run, "recent-sent")), database.rows("SELECT source "
                    + "FROM outbox_event WHERE source LIKE ?1 ORDER BY source", marker(run, "%")));
            assertEquals(1L, database.count("SELECT count(*) FROM inbox_event WHERE consumer = ?1", run));
            assertEquals(1L, database.count("SELECT count(*) FROM audit_event WHERE trace_id = ?1", run));

            relayHeld.rollback();
            // Every event written during the purge, and the old unsent one, is published once the relay is back.
            topic.awaitRecords(r -> patients.stream().anyMatch(p -> keyed(p).test(r)), patients.size(),
                    Duration.ofSeconds(30));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database.count("SELECT count(*) "
                + "FROM outbox_event WHERE source LIKE ?1 AND sent_at IS NULL", marker(run, "%")) == 0);
    }

    /** The CloudEvents source that marks this run's seeded rows. */
    private static String marker(String run, String kind) {
        return "/cairn/retention-test/" + run + "/" + kind;
    }

    /** Rows of this run, told apart by their source: 7 old sent, 1 old unsent, 1 recent; 5 old inbox rows, 1 recent. */
    private void seed(String run) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 9; i++) {
                String source = marker(run, i < 7 ? "old-sent" : i == 7 ? "old-unsent" : "recent-sent");
                UUID patient = UUID.randomUUID();
                String sentAt = i < 7 ? "now() - interval '40 days'" : i == 7 ? "NULL" : "now() - interval '1 day'";
                entities.createNativeQuery("INSERT INTO outbox_event (event_id, event_type, topic, patient_id, source, "
                        + "occurred_at, data, created_at, sent_at) VALUES (?1, 'intake.referral.received', "
                        + "'" + Topics.INTAKE + "', ?2, ?3, now() - interval '40 days', CAST(?4 AS jsonb), "
                        + "now() - interval '40 days', " + sentAt + ")")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, patient.toString())
                        .setParameter(3, source).setParameter(4, referral(patient)).executeUpdate();
            }
            for (int i = 0; i < 6; i++) {
                entities.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, event_type, patient_id, "
                        + "applied_at) VALUES (?1, ?2, 'intake.referral.received', 'p', now() - ?3 * interval '1 day')")
                        .setParameter(1, run).setParameter(2, UUID.randomUUID()).setParameter(3, i < 5 ? 40 : 1)
                        .executeUpdate();
            }
            entities.createNativeQuery("INSERT INTO audit_event (actor, actor_roles, action, resource_type, outcome, "
                    + "trace_id, occurred_at) VALUES ('someone', 'clinician', 'read', 'patient', 'SUCCESS', ?1, "
                    + "now() - interval '400 days')").setParameter(1, run).executeUpdate();
        });
    }

    /** Valid data for the old unsent event: the test app's consumer applies it once it is published. */
    private static String referral(UUID patient) {
        return "{\"referralId\":\"" + UUID.randomUUID() + "\",\"patientId\":\"" + patient
                + "\",\"source\":\"self\",\"urgent\":false,\"readmissionOf\":null,"
                + "\"receivedAt\":\"2026-10-20T10:00:00Z\"}";
    }
}
