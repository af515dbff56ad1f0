package io.cairn.aftercare.events;

import io.cairn.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;
import io.cairn.aftercare.domain.AftercareReferrals;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Graduation opens aftercare; a discharge against medical advice opens outreach. */
@ApplicationScoped
public class TreatmentPlanEventsConsumer {

    static final String CONSUMER = "aftercare-episodes";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.PATIENT_GRADUATED, EventType.PATIENT_DISCHARGED);

    private final IncomingEvents events;
    private final AftercareReferrals referrals;

    TreatmentPlanEventsConsumer(IncomingEvents events, AftercareReferrals referrals) {
        this.events = events;
        this.referrals = referrals;
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onPlanEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> {
            switch (event.type()) {
                case PATIENT_GRADUATED -> referrals.fromGraduation(event.data(PatientGraduated.class));
                case PATIENT_DISCHARGED -> referrals.fromDischarge(event.data(PatientDischarged.class));
            }
        });
    }
}
