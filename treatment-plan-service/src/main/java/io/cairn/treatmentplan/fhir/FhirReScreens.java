package io.cairn.treatmentplan.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.ScreenerResults;
import io.cairn.screeners.Audit;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.measures.Measure;
import io.cairn.treatmentplan.domain.measures.ReScreens.ReScreen;
import io.cairn.treatmentplan.domain.measures.ReliableChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * A re-screen as FHIR: its total as an {@code Observation}, as intake shows an assessment's screeners (so that a
 * search by LOINC code across both is the whole series), derived from the {@code QuestionnaireResponse} of the
 * patient's answers, both with the re-screen's id (an AUDIT's AUDIT-C total is an Observation of its own, its id followed
 * by {@code -audit-c}). A reliable change from the series' first score is interpreted as
 * {@code W} (worse) or {@code B} (better).
 */
final class FhirReScreens {

    static final String INTERPRETATIONS = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final String AUDIT_C_SUFFIX = "-audit-c";

    private FhirReScreens() {
    }

    /** A re-screen's Observation: its total, and for the AUDIT its AUDIT-C too, as intake shows them. */
    record Total(ReScreen reScreen, String screener, Observation resource) {
    }

    /** The re-screen's totals: the instrument's, then for the AUDIT the AUDIT-C of its first three items. */
    static List<Total> totals(ReScreen reScreen) {
        Measure measure = reScreen.measure();
        List<Total> totals = new ArrayList<>();
        totals.add(new Total(reScreen, measure.instrument, observation(reScreen)));
        if (ScreenerCode.AUDIT.label().equals(measure.instrument) && measure.answers != null) {
            String band = Arrays.asList(measure.findings).contains("audit-c-positive") ? "positive" : "negative";
            Observation auditC = ScreenerResults.total(measure.id + AUDIT_C_SUFFIX, measure.patientId,
                    ScreenerResults.AUDIT_C, Audit.auditC(measure.answers), band, measure.takenAt, true);
            stamp(auditC, measure);
            auditC.addDerivedFrom(new Reference("QuestionnaireResponse/" + measure.id));
            totals.add(new Total(reScreen, ScreenerResults.AUDIT_C, auditC));
        }
        return totals;
    }

    /** The re-screen an Observation id names: its own id, or followed by {@code -audit-c}. */
    static Optional<UUID> reScreenOf(String observationId) {
        String id = observationId.endsWith(AUDIT_C_SUFFIX)
                ? observationId.substring(0, observationId.length() - AUDIT_C_SUFFIX.length())
                : observationId;
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Observation observation(ReScreen reScreen) {
        Measure measure = reScreen.measure();
        Observation fhir = ScreenerResults.total(measure.id.toString(), measure.patientId, measure.instrument,
                measure.score, measure.band, measure.takenAt, true);
        stamp(fhir, measure);
        ReliableChange change = reScreen.change();
        // The first score itself is another record (the assessment's, most often): only the verdict is told.
        String sinceFirst = " than the first score of the series";
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
