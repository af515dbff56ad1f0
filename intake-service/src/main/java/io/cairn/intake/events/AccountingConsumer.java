package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.intake.domain.DisclosureAccounting;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.IncomingEvents.TopicConsumer;
import io.cairn.contracts.Topics;
import java.util.Map;
import io.cairn.kit.events.EventEffects;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the patients' accounting of disclosures from every service's {@code disclosure.recorded} events, intake's own
 * included: one Kafka consumer for the four topics, each under an inbox name of its own, so that a replay of any topic
 * from offset 0 adds nothing twice.
 */
@ApplicationScoped
public class AccountingConsumer {

    private final IncomingEvents events;
    private final DisclosureAccounting accounting;
    private final Map<String, TopicConsumer> byTopic;

    AccountingConsumer(IncomingEvents events, DisclosureAccounting accounting) {
        this.events = events;
        this.accounting = accounting;
        this.byTopic = Map.of(Topics.INTAKE, new TopicConsumer("accounting-intake", keeping(EventType.INTAKE_DISCLOSURE)),
                Topics.TREATMENT_PLAN, new TopicConsumer("accounting-treatment-plan",
                        keeping(EventType.TREATMENT_PLAN_DISCLOSURE)),
                Topics.SCHEDULING, new TopicConsumer("accounting-scheduling",
                        keeping(EventType.SCHEDULING_DISCLOSURE)),
                Topics.AFTERCARE, new TopicConsumer("accounting-aftercare", keeping(EventType.AFTERCARE_DISCLOSURE)));
    }

    /** Keeps one service's disclosures in the accounting. */
    private EventEffects keeping(EventType disclosures) {
        // The service that disclosed is the type's producer: treatment-plan for treatment-plan.disclosure.recorded.
        String service = disclosures.type().substring(0, disclosures.type().indexOf('.'));
        return EventEffects.of().on(disclosures, DisclosureRecorded.class,
                disclosure -> accounting.recorded(disclosure, service));
    }

    @Incoming("disclosures")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce(records, byTopic);
    }
}
