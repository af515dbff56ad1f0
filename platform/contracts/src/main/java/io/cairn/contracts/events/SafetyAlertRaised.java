package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code intake.safety-alert.raised}, {@code treatment-plan.safety-alert.raised} and {@code aftercare.safety-alert.raised}:
 * a screener shows a safety finding, and a clinician must act at once. Raised once per finding of an assessment, a
 * re-screen or a check-in; it carries no answer text.
 *
 * @param alertId the alert's own id, stable across redeliveries
 * @param screener the screener's label, {@code PHQ-9} or {@code C-SSRS}
 * @param item the screener item that showed the finding
 * @param sourceId the assessment, the re-screen (a measure) or the check-in
 */
public record SafetyAlertRaised(UUID alertId, UUID patientId, SafetyFinding finding, String screener, int item,
        SafetyAlertSource source, UUID sourceId, Instant raisedAt) implements EventPayload {

    public static SafetyAlertRaised of(UUID alertId, UUID patientId, SafetyFinding finding, SafetyAlertSource source,
            UUID sourceId, Instant raisedAt) {
        return new SafetyAlertRaised(alertId, patientId, finding, finding.screener(), finding.item(), source, sourceId,
                raisedAt);
    }
}
