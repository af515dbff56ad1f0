package io.cairn.treatmentplan.events;

import io.cairn.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A completed assessment drafts a plan; consent changes keep the Part 2 projection current. */
@ApplicationScoped
public class IntakeEventsConsumer {

    static final String CONSUMER = "treatment-plan-intake";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.ASSESSMENT_COMPLETED, EventType.CONSENT_CHANGED);

    private final IncomingEvents events;
    private final TreatmentPlans plans;
    private final ConsentProjection consents;

    IntakeEventsConsumer(IncomingEvents events, TreatmentPlans plans, ConsentProjection consents) {
        this.events = events;
        this.plans = plans;
        this.consents = consents;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> {
            switch (event.type()) {
                case ASSESSMENT_COMPLETED -> plans.draftFrom(event.data(AssessmentCompleted.class));
                case CONSENT_CHANGED -> consents.apply(event.data(ConsentChanged.class));
            }
        });
    }
}
