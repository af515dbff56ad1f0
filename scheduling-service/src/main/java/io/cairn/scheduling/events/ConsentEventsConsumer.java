package io.cairn.scheduling.events;

import java.util.EnumSet;
import java.util.Set;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the Part 2 consent projection current from intake's consent changes. */
@ApplicationScoped
public class ConsentEventsConsumer {

    static final String CONSUMER = "scheduling-consents";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.CONSENT_CHANGED);

    private final IncomingEvents events;
    private final ConsentProjection consents;

    ConsentEventsConsumer(IncomingEvents events, ConsentProjection consents) {
        this.events = events;
        this.consents = consents;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> consents.apply(event.data(ConsentChanged.class)));
    }
}
