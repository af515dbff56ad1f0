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
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.kit.events.IncomingEvent;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.worklist.domain.Worklist;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The worklist is fed only by events: each of the four services' topics, one consumer (and inbox name) each, so that
 * a replay of any topic from offset 0 changes no task.
 */
@ApplicationScoped
public class CareTeamEvents {

    static final Set<EventType> FROM_INTAKE = EnumSet.of(EventType.INTAKE_SAFETY_ALERT, EventType.REFERRAL_RECEIVED);
    static final Set<EventType> FROM_TREATMENT_PLAN = EnumSet.of(EventType.PLAN_DRAFTED, EventType.PLAN_APPROVED,
            EventType.PLAN_REVIEWED, EventType.PATIENT_GRADUATED, EventType.PATIENT_DISCHARGED);
    static final Set<EventType> FROM_SCHEDULING = EnumSet.of(EventType.ENGAGEMENT_ALERT);
    static final Set<EventType> FROM_AFTERCARE = EnumSet.of(EventType.AFTERCARE_SAFETY_ALERT,
            EventType.AFTERCARE_REFERRAL_CREATED, EventType.CHECK_IN_RECORDED);

    private final IncomingEvents events;
    private final Worklist worklist;

    CareTeamEvents(IncomingEvents events, Worklist worklist) {
        this.events = events;
        this.worklist = worklist;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("worklist-intake", record, FROM_INTAKE, this::apply);
    }

    @Incoming("treatment-plan-events")
    @Blocking
    public void onTreatmentPlanEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("worklist-treatment-plan", record, FROM_TREATMENT_PLAN, this::apply);
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onSchedulingEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("worklist-scheduling", record, FROM_SCHEDULING, this::apply);
    }

    @Incoming("aftercare-events")
    @Blocking
    public void onAftercareEvent(ConsumerRecord<String, String> record) {
        events.applyOnce("worklist-aftercare", record, FROM_AFTERCARE, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case INTAKE_SAFETY_ALERT, AFTERCARE_SAFETY_ALERT -> worklist.safetyAlertRaised(
                    event.data(SafetyAlertRaised.class));
            case REFERRAL_RECEIVED -> worklist.referralReceived(event.data(ReferralReceived.class));
            case PLAN_DRAFTED -> worklist.planDrafted(event.data(PlanDrafted.class));
            case PLAN_APPROVED -> worklist.planApproved(event.data(PlanApproved.class));
            case PLAN_REVIEWED -> worklist.planReviewed(event.data(PlanReviewed.class));
            case PATIENT_GRADUATED -> {
                PatientGraduated graduated = event.data(PatientGraduated.class);
                worklist.episodeEnded(graduated.patientId(), graduated.dischargedOn());
            }
            case PATIENT_DISCHARGED -> {
                PatientDischarged discharged = event.data(PatientDischarged.class);
                worklist.episodeEnded(discharged.patientId(), discharged.dischargedOn());
            }
            case ENGAGEMENT_ALERT -> worklist.engagementAlert(event.data(EngagementAlert.class));
            case AFTERCARE_REFERRAL_CREATED -> worklist.aftercareReferralCreated(
                    event.data(AftercareReferralCreated.class));
            case CHECK_IN_RECORDED -> worklist.checkInRecorded(event.data(CheckInRecorded.class));
            default -> throw new IllegalStateException("Not a worklist event: " + event.type());
        }
    }
}
