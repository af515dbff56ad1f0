package io.cairn.treatmentplan.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.cairn.treatmentplan.domain.Admissions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A completed assessment drafts a plan; consent changes keep the Part 2 projection current. */
@ApplicationScoped
public class IntakeEventsConsumer {

    static final String CONSUMER = "treatment-plan-intake";
    private final IncomingEvents events;
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;
    private final ConsentProjection consents;

    IntakeEventsConsumer(IncomingEvents events, Admissions admissions, ConsentProjection consents) {
        this.events = events;
        this.consents = consents;
        this.effects = EventEffects.of()
                .on(EventType.ASSESSMENT_COMPLETED, AssessmentCompleted.class, admissions::draftFrom)
                .on(EventType.CONSENT_CHANGED, ConsentChanged.class, consents::apply);
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
        events.afterPoll(CONSUMER, () -> consents.heard(CONSUMER, records));
    }
}
