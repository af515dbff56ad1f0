package io.cairn.scheduling.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.cairn.scheduling.domain.Enrollments;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * An approved plan enrolls the patient, and a revision holds the enrollment to its hours; graduation or discharge ends
 * the enrollment and frees future places.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    static final String CONSUMER = "scheduling-plans";
    private final IncomingEvents events;
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;

    PlanEventsConsumer(IncomingEvents events, Enrollments enrollments) {
        this.events = events;
        this.effects = EventEffects.of()
                .on(EventType.PLAN_APPROVED, PlanApproved.class, enrollments::enroll)
                .on(EventType.PLAN_REVISED, PlanRevised.class, enrollments::revise)
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class,
                        graduated -> enrollments.end(graduated.planId(), graduated.dischargedOn(), "graduated"))
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class,
                        discharged -> enrollments.end(discharged.planId(), discharged.dischargedOn(), "discharged: "
                                + discharged.reason().name().toLowerCase().replace('_', '-')));
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onPlanEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
    }
}
