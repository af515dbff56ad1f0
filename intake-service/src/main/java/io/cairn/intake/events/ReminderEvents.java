package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.intake.domain.reminder.Reminders;
import io.cairn.kit.events.EventEffects;
import io.cairn.kit.events.IncomingEvents.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * What reminders learn from the other services: sessions coming up and bookings released (scheduling), re-screens due
 * and episodes ending (treatment-plan), check-ins due and done (aftercare). Read by the same Kafka consumer as the subscription
 * topics,
 * each topic under an inbox name of its
 * own, so that a redelivered or replayed event queues no second reminder.
 */
@ApplicationScoped
public class ReminderEvents {

    private final Map<String, TopicConsumer> byTopic;

    ReminderEvents(Reminders reminders) {
        EventEffects treatmentPlan = EventEffects.of()
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class,
                        graduation -> reminders.episodeEnded(graduation.patientId(), graduation.graduatedAt()))
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class,
                        discharge -> reminders.episodeEnded(discharge.patientId(), discharge.dischargedAt()))
                .on(EventType.RE_SCREEN_DUE, ReScreenDue.class, reminders::reScreenDue)
                .on(EventType.RE_SCREENS_DONE, ReScreensDone.class, reminders::reScreensDone);
        EventEffects scheduling = EventEffects.of()
                .on(EventType.SESSION_UPCOMING, SessionUpcoming.class, reminders::sessionUpcoming)
                .on(EventType.BOOKING_RELEASED, BookingReleased.class, reminders::bookingReleased);
        this.byTopic = Map.of(Topics.TREATMENT_PLAN, new TopicConsumer("reminders-treatment-plan", treatmentPlan),
                Topics.SCHEDULING, new TopicConsumer("reminders-scheduling", scheduling),
                Topics.AFTERCARE, new TopicConsumer("reminders-aftercare", EventEffects.of()
                        .on(EventType.CHECK_IN_DUE, CheckInDue.class, reminders::checkInDue)
                        .on(EventType.CHECK_IN_RECORDED, CheckInRecorded.class, reminders::checkInRecorded)));
    }

    Map<String, TopicConsumer> byTopic() {
        return byTopic;
    }
}
