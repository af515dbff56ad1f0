package io.cairn.worklist.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.kit.events.EventEffects;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.worklist.domain.Worklist;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The worklist is fed only by events: each of the four services' topics, one consumer (and inbox name) each, so that
 * a replay of any topic from offset 0 changes no task.
 */
@ApplicationScoped
public class CareTeamEvents {

    private final IncomingEvents events;
    private final EventEffects fromIntake;
    private final EventEffects fromTreatmentPlan;
    private final EventEffects fromScheduling;
    private final EventEffects fromAftercare;

    CareTeamEvents(IncomingEvents events, Worklist worklist) {
        this.events = events;
        this.fromIntake = EventEffects.of()
                .on(EventType.INTAKE_SAFETY_ALERT, SafetyAlertRaised.class, worklist::safetyAlertRaised)
                .on(EventType.REFERRAL_RECEIVED, ReferralReceived.class, worklist::referralReceived);
        this.fromTreatmentPlan = EventEffects.of()
                .on(EventType.PLAN_DRAFTED, PlanDrafted.class, worklist::planDrafted)
                .on(EventType.PLAN_APPROVED, PlanApproved.class, worklist::planApproved)
                .on(EventType.PLAN_REVIEWED, PlanReviewed.class, worklist::planReviewed)
                .on(EventType.PLAN_REVISION_PROPOSED, PlanRevisionProposed.class, worklist::planRevisionProposed)
                .on(EventType.PLAN_REVISED, PlanRevised.class, worklist::planRevised)
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class,
                        graduated -> worklist.episodeEnded(graduated.patientId(), graduated.dischargedOn()))
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class,
                        discharged -> worklist.episodeEnded(discharged.patientId(), discharged.dischargedOn()));
        this.fromScheduling = EventEffects.of()
                .on(EventType.ENGAGEMENT_ALERT, EngagementAlert.class, worklist::engagementAlert);
        this.fromAftercare = EventEffects.of()
                .on(EventType.AFTERCARE_SAFETY_ALERT, SafetyAlertRaised.class, worklist::safetyAlertRaised)
                .on(EventType.AFTERCARE_REFERRAL_CREATED, AftercareReferralCreated.class,
                        worklist::aftercareReferralCreated)
                .on(EventType.CHECK_IN_RECORDED, CheckInRecorded.class, worklist::checkInRecorded);
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("worklist-intake", records, fromIntake);
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onTreatmentPlanEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("worklist-treatment-plan", records, fromTreatmentPlan);
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onSchedulingEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("worklist-scheduling", records, fromScheduling);
    }

    @Incoming("aftercare-events")
    @Blocking
    public void onAftercareEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce("worklist-aftercare", records, fromAftercare);
    }
}
