package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.ScreenerResults;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.AssessmentStatus;
import io.cairn.intake.domain.assessment.ScoredScreener;
import io.cairn.screeners.Screener;
import java.util.Locale;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * A screener as the patient answered it within an assessment, as a FHIR {@code QuestionnaireResponse}: each item
 * with its text and the value of the answer chosen. The screener's total is the Observation derived from it.
 */
final class FhirScreenerResponses {

    private FhirScreenerResponses() {
    }

    /** The response's id: the assessment's followed by the screener's name, as its Observation's. */
    static String idOf(Assessment assessment, String screener) {
        return assessment.id + "-" + screener.toLowerCase(Locale.ROOT);
    }

    static QuestionnaireResponse toFhir(Assessment assessment, ScoredScreener scored, Screener screener) {
        QuestionnaireResponse fhir = ScreenerResults.answers(idOf(assessment, scored.screener().label()),
                assessment.patientId, screener, scored.answers(),
                assessment.completedAt != null ? assessment.completedAt : assessment.startedAt,
                assessment.status == AssessmentStatus.COMPLETED);
        fhir.getMeta().setVersionId(String.valueOf(assessment.version));
        Fhir.lastUpdated(fhir, assessment.updatedAt);
        return fhir;
    }
}
