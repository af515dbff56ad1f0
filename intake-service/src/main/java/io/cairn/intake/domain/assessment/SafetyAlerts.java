package io.cairn.intake.domain.assessment;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.kit.events.Outbox;
import io.cairn.screeners.ScreenerCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Raises a safety alert for each finding an assessment's answers show, the moment they are saved: a clinician must
 * hear of it at once, not when the assessment is completed. Each finding of an assessment is raised once.
 */
@ApplicationScoped
public class SafetyAlerts {

    private final ScreenerCatalogue catalogue;
    private final Outbox outbox;

    SafetyAlerts(ScreenerCatalogue catalogue, Outbox outbox) {
        this.catalogue = catalogue;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void raiseNew(Assessment assessment) {
        for (ScoredScreener screener : assessment.screeners) {
            for (SafetyFinding finding : catalogue.get(screener.screener()).safetyFindings(screener.answers())) {
                if (SafetyAlert.count("assessmentId = ?1 and finding = ?2", assessment.id, finding) == 0) {
                    raise(assessment, finding);
                }
            }
        }
    }

    private void raise(Assessment assessment, SafetyFinding finding) {
        SafetyAlert alert = new SafetyAlert();
        alert.id = UUID.randomUUID();
        alert.assessmentId = assessment.id;
        alert.patientId = assessment.patientId;
        alert.finding = finding;
        alert.raisedAt = Instant.now();
        alert.persist();
        outbox.publish(EventType.INTAKE_SAFETY_ALERT, SafetyAlertRaised.of(alert.id, alert.patientId, finding,
                SafetyAlertSource.ASSESSMENT, assessment.id, alert.raisedAt));
    }
}
