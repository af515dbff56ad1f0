package io.cairn.intake.domain.subscription;

import io.cairn.contracts.events.RecordCategory;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an EHR client may subscribe to: the moments of a patient's journey, each about one resource (the focus of its
 * notifications) and each released only under a Part 2 consent for its category. Named by canonical URL, as the
 * Subscriptions Backport IG names topics.
 */
public enum SubscriptionTopic {

    PATIENT_ADMITTED("patient-admitted", "The patient's referral is admitted to the program", "ServiceRequest",
            RecordCategory.ASSESSMENTS),
    PLAN_APPROVED("plan-approved", "A treatment plan is approved", "CarePlan", RecordCategory.TREATMENT_PLANS),
    PLAN_REVISED("plan-revised", "An approved treatment plan is revised", "CarePlan", RecordCategory.TREATMENT_PLANS),
    ATTENDANCE_RECORDED("attendance-recorded", "Attendance at a session is recorded", "Encounter",
            RecordCategory.ATTENDANCE),
    PATIENT_GRADUATED("patient-graduated", "The patient graduates from the program", "CarePlan",
            RecordCategory.TREATMENT_PLANS),
    PATIENT_DISCHARGED("patient-discharged", "The patient is discharged before graduating", "CarePlan",
            RecordCategory.TREATMENT_PLANS),
    AFTERCARE_REFERRAL_OPENED("aftercare-referral-opened", "Aftercare follow-up opens after the program",
            "EpisodeOfCare", RecordCategory.AFTERCARE),
    RELAPSE_REPORTED("relapse-reported", "A relapse is reported in aftercare", "EpisodeOfCare",
            RecordCategory.AFTERCARE),
    /**
     * The one topic not released by a consent: it tells the recipient a consent naming it was revoked, so that it
     * stops using what it received. Only the recipient the consent named is told.
     */
    CONSENT_REVOKED("consent-revoked", "A Part 2 consent naming the subscriber is revoked", "Consent", null);

    public static final String CANONICAL_BASE = "https://cairn.io/fhir/SubscriptionTopic/";

    private final String code;
    private final String title;
    private final String focusType;
    private final RecordCategory category;

    SubscriptionTopic(String code, String title, String focusType, RecordCategory category) {
        this.code = code;
        this.title = title;
        this.focusType = focusType;
        this.category = category;
    }

    public String url() {
        return CANONICAL_BASE + code;
    }

    public String title() {
        return title;
    }

    /** The resource type each notification of the topic is about. */
    public String focusType() {
        return focusType;
    }

    /** The record category a consent must release for a notification; empty for {@link #CONSENT_REVOKED}. */
    public Optional<RecordCategory> category() {
        return Optional.ofNullable(category);
    }

    public static Optional<SubscriptionTopic> ofUrl(String url) {
        return Arrays.stream(values()).filter(topic -> topic.url().equals(url)).findFirst();
    }
}
