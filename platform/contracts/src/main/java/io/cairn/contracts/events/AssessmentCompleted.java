package io.cairn.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code intake.assessment.completed}: the biopsychosocial assessment is done and frozen; treatment-plan drafts a plan
 * from it.
 *
 * @param population adult or adolescent: sets the weekly hour minimum
 * @param recommendedLevelOfCare what the documented rules gave
 * @param levelOfCare what the clinician decided; differs from the recommendation only with {@code overrideReason}
 * @param safetyAlert any screener raised one: a clinician must act at once
 * @param substances the substances of the substance-use history, e.g. {@code alcohol}
 * @param familyConflict the family dynamics section reports conflict
 * @param supportPeople who supports the patient's recovery
 * @param medications current medications, by name
 * @param preferredSchedule the track the patient can attend, when they said
 * @param screeningSex the sex the screeners were scored for ({@code female}, {@code male}, {@code intersex},
 *        {@code unknown}: AUDIT-C's cut-off), so that a re-screen is scored alike; null in events published before it
 *        was added
 */
public record AssessmentCompleted(UUID assessmentId, UUID patientId, Population population,
        LevelOfCare recommendedLevelOfCare, LevelOfCare levelOfCare, String overrideReason, AsamRatings asamRatings,
        List<ScreenerResult> screenerResults, boolean safetyAlert, List<String> substances, boolean familyConflict,
        List<String> supportPeople, List<String> medications, PreferredSchedule preferredSchedule,
        Instant completedAt, String screeningSex) implements EventPayload {

    public AssessmentCompleted(UUID assessmentId, UUID patientId, Population population,
            LevelOfCare recommendedLevelOfCare, LevelOfCare levelOfCare, String overrideReason, AsamRatings asamRatings,
            List<ScreenerResult> screenerResults, boolean safetyAlert, List<String> substances, boolean familyConflict,
            List<String> supportPeople, List<String> medications, PreferredSchedule preferredSchedule,
            Instant completedAt) {
        this(assessmentId, patientId, population, recommendedLevelOfCare, levelOfCare, overrideReason, asamRatings,
                screenerResults, safetyAlert, substances, familyConflict, supportPeople, medications,
                preferredSchedule, completedAt, null);
    }
}
