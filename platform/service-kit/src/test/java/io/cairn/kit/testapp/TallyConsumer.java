package io.cairn.kit.testapp;

import io.cairn.contracts.EventType;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.kit.events.EventEffects;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts each patient's referrals: a non-idempotent effect, so a double application would show. */
@ApplicationScoped
public class TallyConsumer {

    private final IncomingEvents events;
    private final EntityManager entities;
    private final FlakyPatients flaky;

    TallyConsumer(IncomingEvents events, EntityManager entities, FlakyPatients flaky) {
        this.events = events;
        this.entities = entities;
        this.flaky = flaky;
    }

    @Incoming("kit-test-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce("tally", records, EventEffects.of().on(EventType.REFERRAL_RECEIVED, ReferralReceived.class,
                referral -> increment(referral.patientId())));
    }

    private void increment(UUID patientId) {
        flaky.attempt(patientId);
        entities.createNativeQuery("""
                INSERT INTO patient_tally (patient_id, events) VALUES (?1, 1)
                ON CONFLICT (patient_id) DO UPDATE SET events = patient_tally.events + 1
                """).setParameter(1, patientId).executeUpdate();
    }
}
