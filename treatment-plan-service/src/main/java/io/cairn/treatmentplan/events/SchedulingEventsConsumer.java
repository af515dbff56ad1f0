package io.cairn.treatmentplan.events;

import io.cairn.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Attendance counts toward the weekly hours; an engagement alert flags the plan for review. */
@ApplicationScoped
public class SchedulingEventsConsumer {

    static final String CONSUMER = "treatment-plan-scheduling";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.ATTENDANCE_RECORDED, EventType.ENGAGEMENT_ALERT);

    private final IncomingEvents events;
    private final TreatmentPlans plans;

    SchedulingEventsConsumer(IncomingEvents events, TreatmentPlans plans) {
        this.events = events;
        this.plans = plans;
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onSchedulingEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> {
            switch (event.type()) {
                case ATTENDANCE_RECORDED -> plans.recordAttendance(event.data(AttendanceRecorded.class));
                case ENGAGEMENT_ALERT -> plans.flagForReview(event.data(EngagementAlert.class));
            }
        });
    }
}
