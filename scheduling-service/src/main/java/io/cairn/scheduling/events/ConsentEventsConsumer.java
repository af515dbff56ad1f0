package io.cairn.scheduling.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the Part 2 consent projection current from intake's consent changes. */
@ApplicationScoped
public class ConsentEventsConsumer {

    static final String CONSUMER = "scheduling-consents";
    private final IncomingEvents events;
    /** The only event of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;
    private final ConsentProjection consents;

    ConsentEventsConsumer(IncomingEvents events, ConsentProjection consents) {
        this.events = events;
        this.consents = consents;
        this.effects = EventEffects.of().on(EventType.CONSENT_CHANGED, ConsentChanged.class, consents::apply);
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
        events.afterPoll(CONSUMER, () -> consents.heard(CONSUMER, records));
    }
}
