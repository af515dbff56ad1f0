package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.measure.worsened}: a re-screen during the program scored reliably worse than the series' first
 * score (PHQ-9 5 points or more, GAD-7 4): a clinician should see the patient. Published for each such re-screen; it
 * carries scores, never answers.
 *
 * @param measureId the re-screen
 * @param instrument the screener's label, {@code PHQ-9} or {@code GAD-7}
 * @param baseline the series' first score, the assessment's when it included the instrument
 * @param score the re-screen's score
 */
public record MeasureWorsened(UUID measureId, UUID patientId, UUID planId, String instrument, int baseline, int score,
        Instant takenAt) implements EventPayload {
}
