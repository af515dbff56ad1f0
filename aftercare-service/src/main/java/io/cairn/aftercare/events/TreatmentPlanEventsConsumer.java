package io.cairn.aftercare.events;

import io.cairn.contracts.EventType;
import io.cairn.aftercare.domain.AftercareReferrals;
import io.cairn.aftercare.domain.ProgramEndings;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Graduation opens aftercare; a discharge against medical advice opens outreach. */
@ApplicationScoped
public class TreatmentPlanEventsConsumer {

    static final String CONSUMER = "aftercare-episodes";
    private final IncomingEvents events;
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;

    TreatmentPlanEventsConsumer(IncomingEvents events, AftercareReferrals referrals, ProgramEndings endings) {
        this.events = events;
        this.effects = EventEffects.of()
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class, graduated -> {
                    referrals.fromGraduation(graduated);
                    endings.graduated(graduated);
                })
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class, discharged -> {
                    referrals.fromDischarge(discharged);
                    endings.discharged(discharged);
                });
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onPlanEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
    }
}
