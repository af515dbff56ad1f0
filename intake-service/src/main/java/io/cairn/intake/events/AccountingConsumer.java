package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.intake.domain.DisclosureAccounting;
import io.cairn.kit.events.IncomingEvent;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the patients' accounting of disclosures from every service's {@code disclosure.recorded} events, intake's own
 * included: one consumer (and inbox name) per topic, so that a replay of any topic from offset 0 adds nothing twice.
 */
@ApplicationScoped
public class AccountingConsumer {

    private final IncomingEvents events;
    private final DisclosureAccounting accounting;

    AccountingConsumer(IncomingEvents events, DisclosureAccounting accounting) {
        this.events = events;
        this.accounting = accounting;
    }

    @Incoming("intake-disclosures")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("accounting-intake", record, EnumSet.of(EventType.INTAKE_DISCLOSURE), this::keep);
    }

    @Incoming("treatment-plan-disclosures")
    @Blocking
    public void onTreatmentPlanEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("accounting-treatment-plan", record, EnumSet.of(EventType.TREATMENT_PLAN_DISCLOSURE),
                this::keep);
    }

    @Incoming("scheduling-disclosures")
    @Blocking
    public void onSchedulingEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("accounting-scheduling", record, EnumSet.of(EventType.SCHEDULING_DISCLOSURE), this::keep);
    }

    @Incoming("aftercare-disclosures")
    @Blocking
    public void onAftercareEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("accounting-aftercare", record, EnumSet.of(EventType.AFTERCARE_DISCLOSURE), this::keep);
    }

    private void keep(IncomingEvent event) {
        String service = event.type().type().substring(0, event.type().type().indexOf('.'));
        accounting.recorded(event.data(DisclosureRecorded.class), service);
    }
}
