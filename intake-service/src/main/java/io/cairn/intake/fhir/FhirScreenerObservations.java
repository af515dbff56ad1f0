package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.ScreenerResults;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.AssessmentStatus;
import io.cairn.intake.domain.assessment.ScoredScreener;
import io.cairn.screeners.Audit;
import io.cairn.screeners.ScreenerCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Each scored screener of an assessment as a FHIR {@code Observation} of its total score ({@link ScreenerResults}),
 * AUDIT-C (AUDIT's first three items) an observation of its own. {@code final} once the assessment
 * is completed, {@code preliminary} before.
 */
final class FhirScreenerObservations {

    static final String AUDIT_C = ScreenerResults.AUDIT_C;

    private FhirScreenerObservations() {
    }

    /** A screener total within an assessment: its id is the assessment's followed by the screener's name. */
    record Total(Assessment assessment, String screener, int score, String band) {

        String id() {
            return FhirScreenerResponses.idOf(assessment, screener);
        }
    }

    /** The totals of every scored screener of the assessment, AUDIT-C beside AUDIT. */
    static List<Total> totals(Assessment assessment) {
        List<Total> totals = new ArrayList<>();
        for (ScoredScreener scored : assessment.screeners) {
            totals.add(new Total(assessment, scored.screener().label(), scored.score(), scored.band()));
            if (scored.screener() == ScreenerCode.AUDIT) {
                totals.add(new Total(assessment, AUDIT_C, Audit.auditC(scored.answers()),
                        scored.findings().contains("audit-c-positive") ? "positive" : "negative"));
            }
        }
        return totals;
    }

    /** The assessment and the screener an observation id names, if it is one of ours. */
    static Optional<ObservationId> parse(String id) {
        if (id.length() < 38 || id.charAt(36) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObservationId(UUID.fromString(id.substring(0, 36)), id.substring(37)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record ObservationId(UUID assessmentId, String screener) {
    }

    static Observation toFhir(Total total) {
        Assessment assessment = total.assessment();
        Observation fhir = ScreenerResults.total(total.id(), assessment.patientId, total.screener(), total.score(),
                total.band(), assessment.completedAt != null ? assessment.completedAt : assessment.startedAt,
                assessment.status == AssessmentStatus.COMPLETED);
        fhir.getMeta().setVersionId(String.valueOf(assessment.version));
        Fhir.lastUpdated(fhir, assessment.updatedAt);
        String answered = total.screener().equals(AUDIT_C) ? ScreenerCode.AUDIT.label() : total.screener();
        fhir.addDerivedFrom(new Reference("QuestionnaireResponse/"
                + FhirScreenerResponses.idOf(assessment, answered)));
        return fhir;
    }

    /** What the caller's {@code code} search asks for: {@code http://loinc.org|44261-6} or just the code. */
    static boolean hasCode(Total total, String searched) {
        return ScreenerResults.hasCode(total.screener(), searched);
    }

}
