package io.cairn.contracts;

import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EventPayload;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.RelapseReported;
import java.util.Arrays;
import java.util.Optional;

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
    RELAPSE_REPORTED("aftercare.relapse.reported", Topics.AFTERCARE, RelapseReported.class);

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

    /** Classpath location of the JSON Schema the data of this type must satisfy. */
    public String schemaResource() {
        return "/schemas/" + type + ".schema.json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payload == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a Cairn event: " + payload.getClass()));
    }
}
