package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.SecurityLabels;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.AssessmentStatus;
import io.cairn.intake.domain.assessment.ScoredScreener;
import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerItem;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

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
        QuestionnaireResponse fhir = new QuestionnaireResponse();
        fhir.setId(idOf(assessment, scored.screener().label()));
        fhir.getMeta().setVersionId(String.valueOf(assessment.version));
        Fhir.lastUpdated(fhir, assessment.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(assessment.status == AssessmentStatus.COMPLETED ? QuestionnaireResponseStatus.COMPLETED
                : QuestionnaireResponseStatus.INPROGRESS);
        fhir.setSubject(new Reference("Patient/" + assessment.patientId));
        fhir.setAuthored(Date.from(assessment.completedAt != null ? assessment.completedAt : assessment.startedAt));
        for (ScreenerItem item : screener.items()) {
            Integer answer = scored.answers().get(item.number());
            if (answer != null) {
                fhir.addItem().setLinkId(String.valueOf(item.number())).setText(item.text()).addAnswer()
                        .setValue(new IntegerType(answer));
            }
        }
        return fhir;
    }
}
