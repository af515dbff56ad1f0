package io.cairn.treatmentplan.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.cairn.treatmentplan.domain.AttendedHours;
import io.cairn.treatmentplan.domain.PlanReviews;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Attendance counts toward the weekly hours; an engagement alert flags the plan for review; an enrollment tells the
 * track the hours are attended in.
 */
@ApplicationScoped
public class SchedulingEventsConsumer {

    static final String CONSUMER = "treatment-plan-scheduling";
    private final IncomingEvents events;
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;

    SchedulingEventsConsumer(IncomingEvents events, AttendedHours hours, PlanReviews reviews) {
        this.events = events;
        this.effects = EventEffects.of()
                .on(EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class, hours::recordAttendance)
                .on(EventType.ENGAGEMENT_ALERT, EngagementAlert.class, reviews::flagForReview)
                .on(EventType.PATIENT_ENROLLED, PatientEnrolled.class, hours::placed);
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onSchedulingEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
    }
}
