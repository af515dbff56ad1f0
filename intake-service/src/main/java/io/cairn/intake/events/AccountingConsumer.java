package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.intake.domain.DisclosureAccounting;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the patients' accounting of disclosures from every service's {@code disclosure.recorded} events, intake's own
 * included: one consumer (and inbox name) per topic, so that a replay of any topic from offset 0 adds nothing twice.
 */
@ApplicationScoped
public class AccountingConsumer {

    private final IncomingEvents events;
    private final DisclosureAccounting accounting;
    private final EventEffects fromIntake;
    private final EventEffects fromTreatmentPlan;
    private final EventEffects fromScheduling;
    private final EventEffects fromAftercare;

    AccountingConsumer(IncomingEvents events, DisclosureAccounting accounting) {
        this.events = events;
        this.accounting = accounting;
        this.fromIntake = keeping(EventType.INTAKE_DISCLOSURE);
        this.fromTreatmentPlan = keeping(EventType.TREATMENT_PLAN_DISCLOSURE);
        this.fromScheduling = keeping(EventType.SCHEDULING_DISCLOSURE);
        this.fromAftercare = keeping(EventType.AFTERCARE_DISCLOSURE);
    }

    /** Keeps one service's disclosures in the accounting. */
    private EventEffects keeping(EventType disclosures) {
        // The service that disclosed is the type's producer: treatment-plan for treatment-plan.disclosure.recorded.
        String service = disclosures.type().substring(0, disclosures.type().indexOf('.'));
        return EventEffects.of().on(disclosures, DisclosureRecorded.class,
                disclosure -> accounting.recorded(disclosure, service));
    }

    @Incoming("intake-disclosures")
    @Blocking
    public void onIntakeEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("accounting-intake", records, fromIntake);
    }

    @Incoming("treatment-plan-disclosures")
    @Blocking
    public void onTreatmentPlanEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("accounting-treatment-plan", records, fromTreatmentPlan);
    }

    @Incoming("scheduling-disclosures")
    @Blocking
    public void onSchedulingEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("accounting-scheduling", records, fromScheduling);
    }

    @Incoming("aftercare-disclosures")
    @Blocking
    public void onAftercareEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("accounting-aftercare", records, fromAftercare);
    }
}
