package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.intake.domain.Referrals;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.kit.events.EventEffects;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A relapse reported in aftercare brings the patient straight back to intake with an urgent readmission referral. */
@ApplicationScoped
public class RelapseConsumer {

    static final String CONSUMER = "intake-readmission";
    private final IncomingEvents events;
    /** The only event of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;

    RelapseConsumer(IncomingEvents events, Referrals referrals) {
        this.events = events;
        this.effects = EventEffects.of().on(EventType.RELAPSE_REPORTED, RelapseReported.class,
                relapse -> referrals.readmit(relapse.patientId()));
    }

    @Incoming("aftercare-events")
    @Blocking
    public void onAftercareEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
    }
}
