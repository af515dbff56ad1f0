package io.cairn.billing.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.EventEffects;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** From intake: the Part 2 consents, of which those for payment let claims go to payers. */
@ApplicationScoped
public class IntakeEvents {

    static final String CONSUMER = "billing-consents";
    private final IncomingEvents events;
    private final EventEffects effects;
    private final ConsentProjection consents;

    IntakeEvents(IncomingEvents events, ConsentProjection consents) {
        this.events = events;
        this.consents = consents;
        this.effects = EventEffects.of().on(EventType.CONSENT_CHANGED, ConsentChanged.class, consents::apply);
    }

    @Incoming("intake-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
        events.afterPoll(CONSUMER, () -> consents.heard(CONSUMER, records));
    }
}
