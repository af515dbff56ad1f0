package io.cairn.contracts;

import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EventPayload;
import io.cairn.contracts.events.MeasureWorsened;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.TaskEscalated;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every event type of ARCHITECTURE.md: its CloudEvents type, the topic it travels on, its data record. */
public enum EventType {

    REFERRAL_RECEIVED("intake.referral.received", Topics.INTAKE, ReferralReceived.class),
    CONSENT_CHANGED("intake.consent.changed", Topics.INTAKE, ConsentChanged.class),
    ASSESSMENT_COMPLETED("intake.assessment.completed", Topics.INTAKE, AssessmentCompleted.class),
    PLAN_DRAFTED("treatment-plan.plan.drafted", Topics.TREATMENT_PLAN, PlanDrafted.class),
    PLAN_APPROVED("treatment-plan.plan.approved", Topics.TREATMENT_PLAN, PlanApproved.class),
    PATIENT_GRADUATED("treatment-plan.patient.graduated", Topics.TREATMENT_PLAN, PatientGraduated.class),
    PATIENT_DISCHARGED("treatment-plan.patient.discharged", Topics.TREATMENT_PLAN, PatientDischarged.class),
    PATIENT_ENROLLED("scheduling.patient.enrolled", Topics.SCHEDULING, PatientEnrolled.class),
    ATTENDANCE_RECORDED("scheduling.attendance.recorded", Topics.SCHEDULING, AttendanceRecorded.class),
    ENGAGEMENT_ALERT("scheduling.engagement.alert", Topics.SCHEDULING, EngagementAlert.class),
    AFTERCARE_REFERRAL_CREATED("aftercare.referral.created", Topics.AFTERCARE, AftercareReferralCreated.class),
    RELAPSE_REPORTED("aftercare.relapse.reported", Topics.AFTERCARE, RelapseReported.class),
    INTAKE_SAFETY_ALERT("intake.safety-alert.raised", Topics.INTAKE, SafetyAlertRaised.class),
    AFTERCARE_SAFETY_ALERT("aftercare.safety-alert.raised", Topics.AFTERCARE, SafetyAlertRaised.class),
    PLAN_REVIEWED("treatment-plan.plan.reviewed", Topics.TREATMENT_PLAN, PlanReviewed.class),
    CHECK_IN_RECORDED("aftercare.check-in.recorded", Topics.AFTERCARE, CheckInRecorded.class),
    TASK_ESCALATED("worklist.task.escalated", Topics.WORKLIST, TaskEscalated.class),
    INTAKE_DISCLOSURE("intake.disclosure.recorded", Topics.INTAKE, DisclosureRecorded.class),
    TREATMENT_PLAN_DISCLOSURE("treatment-plan.disclosure.recorded", Topics.TREATMENT_PLAN, DisclosureRecorded.class),
    SCHEDULING_DISCLOSURE("scheduling.disclosure.recorded", Topics.SCHEDULING, DisclosureRecorded.class),
    AFTERCARE_DISCLOSURE("aftercare.disclosure.recorded", Topics.AFTERCARE, DisclosureRecorded.class),
    PLAN_REVISED("treatment-plan.plan.revised", Topics.TREATMENT_PLAN, PlanRevised.class),
    PLAN_REVISION_PROPOSED("treatment-plan.plan.revision-proposed", Topics.TREATMENT_PLAN,
            PlanRevisionProposed.class),
    TREATMENT_PLAN_SAFETY_ALERT("treatment-plan.safety-alert.raised", Topics.TREATMENT_PLAN, SafetyAlertRaised.class),
    MEASURE_WORSENED("treatment-plan.measure.worsened", Topics.TREATMENT_PLAN, MeasureWorsened.class),
    SESSION_UPCOMING("scheduling.session.upcoming", Topics.SCHEDULING, SessionUpcoming.class),
    BOOKING_RELEASED("scheduling.booking.released", Topics.SCHEDULING, BookingReleased.class),
    RE_SCREEN_DUE("treatment-plan.re-screen.due", Topics.TREATMENT_PLAN, ReScreenDue.class),
    RE_SCREENS_DONE("treatment-plan.re-screens.done", Topics.TREATMENT_PLAN, ReScreensDone.class),
    CHECK_IN_DUE("aftercare.check-in.due", Topics.AFTERCARE, CheckInDue.class);

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payload;

    EventType(String type, String topic, Class<? extends EventPayload> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code intake.consent.changed}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payload() {
        return payload;
    }

    /**
     * Classpath location of the JSON Schema the data of this type must satisfy. A payload two producers share (a
     * safety alert) has one schema, named without the producer.
     */
    public String schemaResource() {
        String name = sharedPayload() ? type.substring(type.indexOf('.') + 1) : type;
        return "/schemas/" + name + ".schema.json";
    }

    private boolean sharedPayload() {
        return Arrays.stream(values()).filter(t -> t.payload == payload).count() > 1;
    }

    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Every consumer looks up each record's type, most of them to pass it over. */
    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.type, t -> t));

    /**
     * The one type whose data {@code payload} is.
     *
     * @throws IllegalArgumentException when it is none, or when several producers share the payload: name the type
     */
    public static EventType of(EventPayload payload) {
        List<EventType> types = Arrays.stream(values()).filter(t -> t.payload == payload.getClass()).toList();
        if (types.size() != 1) {
            throw new IllegalArgumentException(types.isEmpty() ? "Not a Cairn event: " + payload.getClass()
                    : payload.getClass().getSimpleName() + " is the data of " + types + ": name the type");
        }
        return types.get(0);
    }

    /** The type {@code producer} (e.g. {@code scheduling}) publishes {@code payload} as, when it has one. */
    public static Optional<EventType> of(String producer, Class<? extends EventPayload> payload) {
        return Arrays.stream(values()).filter(t -> t.payload == payload && t.type.startsWith(producer + "."))
                .findFirst();
    }

    /** {@code payload} as the data of this type. */
    public EventPayload require(EventPayload payload) {
        if (!this.payload.isInstance(payload)) {
            throw new IllegalArgumentException(payload.getClass().getSimpleName() + " is not the data of " + type);
        }
        return payload;
    }
}
