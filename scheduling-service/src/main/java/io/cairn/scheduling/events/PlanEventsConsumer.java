package io.cairn.scheduling.events;

import io.cairn.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.scheduling.domain.Enrollments;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** An approved plan enrolls the patient; graduation or discharge ends the enrollment and frees future places. */
@ApplicationScoped
public class PlanEventsConsumer {

    static final String CONSUMER = "scheduling-plans";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.PLAN_APPROVED, EventType.PATIENT_GRADUATED,
            EventType.PATIENT_DISCHARGED);

    private final IncomingEvents events;
    private final Enrollments enrollments;

    PlanEventsConsumer(IncomingEvents events, Enrollments enrollments) {
        this.events = events;
        this.enrollments = enrollments;
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onPlanEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> {
            switch (event.type()) {
                case PLAN_APPROVED -> enrollments.enroll(event.data(PlanApproved.class));
                case PATIENT_GRADUATED -> {
                    PatientGraduated graduated = event.data(PatientGraduated.class);
                    enrollments.end(graduated.planId(), graduated.dischargedOn(), "graduated");
                }
                case PATIENT_DISCHARGED -> {
                    PatientDischarged discharged = event.data(PatientDischarged.class);
                    enrollments.end(discharged.planId(), discharged.dischargedOn(), "discharged: "
                            + discharged.reason().name().toLowerCase().replace('_', '-'));
                }
            }
        });
    }
}
