package io.cairn.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code intake.assessment.completed}: the biopsychosocial assessment is done; treatment-plan drafts a plan from it.
 *
 * @param safetyAlert C-SSRS high risk or PHQ-9 item 9 above 0: a clinician must be told at once
 */
public record AssessmentCompleted(UUID assessmentId, UUID patientId, Population population,
        LevelOfCare levelOfCare, AsamRatings asamRatings, List<ScreenerResult> screenerResults, boolean safetyAlert,
        Instant completedAt) implements EventPayload {
}
