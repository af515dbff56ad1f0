package io.cairn.intake.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.intake.domain.subscription.Notifications;
import io.cairn.intake.domain.subscription.SubscriptionTopic;
import io.cairn.kit.events.EventEffects;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.IncomingEvents.TopicConsumer;
import io.cairn.contracts.Topics;
import java.util.Map;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the other services' events into the subscription topics EHR clients follow, and hands the same poll to
 * reminders ({@link ReminderEvents}): one Kafka consumer for their three topics, each under an inbox name of its own, so that a
 * redelivered or replayed event notifies no one twice. Intake's own
 * topics (admission, revocation)
 * are queued where they happen.
 */
@ApplicationScoped
public class SubscriptionTopicsConsumer {

    private final IncomingEvents events;
    private final Map<String, TopicConsumer> byTopic;
    private final ReminderEvents reminders;

    SubscriptionTopicsConsumer(IncomingEvents events, Notifications notifications, ReminderEvents reminders) {
        this.events = events;
        this.reminders = reminders;
        EventEffects treatmentPlan = EventEffects.of()
                .on(EventType.PLAN_APPROVED, PlanApproved.class, plan -> notifications.occurred(
                        SubscriptionTopic.PLAN_APPROVED, plan.patientId(), "CarePlan/" + plan.planId(), plan.approvedAt()))
                .on(EventType.PLAN_REVISED, PlanRevised.class, plan -> notifications.occurred(
                        SubscriptionTopic.PLAN_REVISED, plan.patientId(), "CarePlan/" + plan.planId(), plan.revisedAt()))
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class, graduation -> notifications.occurred(
                        SubscriptionTopic.PATIENT_GRADUATED, graduation.patientId(), "CarePlan/" + graduation.planId(),
                        graduation.graduatedAt()))
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class, discharge -> notifications.occurred(
                        SubscriptionTopic.PATIENT_DISCHARGED, discharge.patientId(), "CarePlan/" + discharge.planId(),
                        discharge.dischargedAt()));
        EventEffects scheduling = EventEffects.of().on(EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class,
                attendance -> notifications.occurred(SubscriptionTopic.ATTENDANCE_RECORDED, attendance.patientId(),
                        focusOf(attendance), attendance.recordedAt()));
        EventEffects aftercare = EventEffects.of()
                .on(EventType.AFTERCARE_REFERRAL_CREATED, AftercareReferralCreated.class, referral -> notifications
                        .occurred(SubscriptionTopic.AFTERCARE_REFERRAL_OPENED, referral.patientId(),
                                "EpisodeOfCare/" + referral.aftercareReferralId(), referral.createdAt()))
                .on(EventType.RELAPSE_REPORTED, RelapseReported.class, relapse -> notifications.occurred(
                        SubscriptionTopic.RELAPSE_REPORTED, relapse.patientId(),
                        "EpisodeOfCare/" + relapse.aftercareReferralId(),
                        relapse.reportedAt()));
        this.byTopic = Map.of(Topics.TREATMENT_PLAN, new TopicConsumer("subscriptions-treatment-plan", treatmentPlan),
                Topics.SCHEDULING, new TopicConsumer("subscriptions-scheduling", scheduling),
                Topics.AFTERCARE, new TopicConsumer("subscriptions-aftercare", aftercare));
    }

    /**
     * The session attended is an Encounter; a missed or excused one has none (scheduling shows it as the
     * patient's Appointment), so the notification names the patient, whose appointments tell it.
     */
    static String focusOf(AttendanceRecorded attendance) {
        boolean attended = switch (attendance.status()) {
            case PRESENT, LATE, LEFT_EARLY -> true;
            case ABSENT, EXCUSED -> false;
        };
        return attended ? "Encounter/" + attendance.attendanceId() : "Patient/" + attendance.patientId();
    }

    @Incoming("subscriptions")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce(records, byTopic);
        // The same poll carries what reminders need: one Kafka consumer rather than one more.
        events.applyAllOnce(records, reminders.byTopic());
    }
}
