package io.cairn.treatmentplan.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.ScreenerResults;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.measures.Measure;
import io.cairn.treatmentplan.domain.measures.ReScreens.ReScreen;
import io.cairn.treatmentplan.domain.measures.ReliableChange;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * A re-screen as FHIR: its total as an {@code Observation}, as intake shows an assessment's screeners (so that a
 * search by LOINC code across both is the whole series), derived from the {@code QuestionnaireResponse} of the
 * patient's answers, both with the re-screen's id. A reliable change from the series' first score is interpreted as
 * {@code W} (worse) or {@code B} (better).
 */
final class FhirReScreens {

    static final String INTERPRETATIONS = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private FhirReScreens() {
    }

    static Observation observation(ReScreen reScreen) {
        Measure measure = reScreen.measure();
        Observation fhir = ScreenerResults.total(measure.id.toString(), measure.patientId, measure.instrument,
                measure.score, measure.band, measure.takenAt, true);
        stamp(fhir, measure);
        ReliableChange change = reScreen.change();
        String sinceFirst = " than the first score of the series (" + reScreen.firstScore() + ")";
        if (change == ReliableChange.WORSE) {
            fhir.addInterpretation().setText("reliably worse" + sinceFirst).addCoding().setSystem(INTERPRETATIONS)
                    .setCode("W").setDisplay("Worse");
        } else if (change == ReliableChange.IMPROVED) {
            fhir.addInterpretation().setText("reliably better" + sinceFirst).addCoding().setSystem(INTERPRETATIONS)
                    .setCode("B").setDisplay("Better");
        }
        fhir.addDerivedFrom(new Reference("QuestionnaireResponse/" + measure.id));
        return fhir;
    }

    static QuestionnaireResponse response(ReScreen reScreen, ScreenerCatalogue catalogue) {
        Measure measure = reScreen.measure();
        QuestionnaireResponse fhir = ScreenerResults.answers(measure.id.toString(), measure.patientId,
                catalogue.get(ScreenerCode.ofLabel(measure.instrument).orElseThrow()), measure.answers,
                measure.takenAt, true);
        stamp(fhir, measure);
        return fhir;
    }

    /** A re-screen is never changed once kept: one version, as of when it was taken. */
    private static void stamp(org.hl7.fhir.r4.model.Resource fhir, Measure measure) {
        fhir.getMeta().setVersionId("1");
        Fhir.lastUpdated(fhir, measure.takenAt);
    }
}
