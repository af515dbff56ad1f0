package io.cairn.worklist.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.MeasureWorsened;
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
import io.cairn.kit.events.IncomingEvents.TopicConsumer;
import io.cairn.contracts.Topics;
import java.util.Map;
import io.cairn.worklist.domain.Worklist;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The worklist is fed only by events: the four services' topics, read by one Kafka consumer, each under an inbox name
 * of its own, so that a replay of any topic from offset 0 changes no task.
 */
@ApplicationScoped
public class CareTeamEvents {

    private final IncomingEvents events;
    private final Map<String, TopicConsumer> byTopic;

    CareTeamEvents(IncomingEvents events, Worklist worklist) {
        this.events = events;
        EventEffects fromIntake = EventEffects.of()
                .on(EventType.INTAKE_SAFETY_ALERT, SafetyAlertRaised.class, worklist::safetyAlertRaised)
                .on(EventType.REFERRAL_RECEIVED, ReferralReceived.class, worklist::referralReceived);
        EventEffects fromTreatmentPlan = EventEffects.of()
                .on(EventType.PLAN_DRAFTED, PlanDrafted.class, worklist::planDrafted)
                .on(EventType.PLAN_APPROVED, PlanApproved.class, worklist::planApproved)
                .on(EventType.PLAN_REVIEWED, PlanReviewed.class, worklist::planReviewed)
                .on(EventType.PLAN_REVISION_PROPOSED, PlanRevisionProposed.class, worklist::planRevisionProposed)
                .on(EventType.PLAN_REVISED, PlanRevised.class, worklist::planRevised)
                .on(EventType.TREATMENT_PLAN_SAFETY_ALERT, SafetyAlertRaised.class, worklist::safetyAlertRaised)
                .on(EventType.MEASURE_WORSENED, MeasureWorsened.class, worklist::measureWorsened)
                .on(EventType.PATIENT_GRADUATED, PatientGraduated.class,
                        graduated -> worklist.episodeEnded(graduated.patientId(), graduated.dischargedOn()))
                .on(EventType.PATIENT_DISCHARGED, PatientDischarged.class,
                        discharged -> worklist.episodeEnded(discharged.patientId(), discharged.dischargedOn()));
        EventEffects fromScheduling = EventEffects.of()
                .on(EventType.ENGAGEMENT_ALERT, EngagementAlert.class, worklist::engagementAlert);
        EventEffects fromAftercare = EventEffects.of()
                .on(EventType.AFTERCARE_SAFETY_ALERT, SafetyAlertRaised.class, worklist::safetyAlertRaised)
                .on(EventType.AFTERCARE_REFERRAL_CREATED, AftercareReferralCreated.class,
                        worklist::aftercareReferralCreated)
                .on(EventType.CHECK_IN_RECORDED, CheckInRecorded.class, worklist::checkInRecorded);
        this.byTopic = Map.of(Topics.INTAKE, new TopicConsumer("worklist-intake", fromIntake),
                Topics.TREATMENT_PLAN, new TopicConsumer("worklist-treatment-plan", fromTreatmentPlan),
                Topics.SCHEDULING, new TopicConsumer("worklist-scheduling", fromScheduling),
                Topics.AFTERCARE, new TopicConsumer("worklist-aftercare", fromAftercare));
    }

    @Incoming("care-team-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce(records, byTopic);
    }
}
