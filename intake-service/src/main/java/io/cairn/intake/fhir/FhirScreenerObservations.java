package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.SecurityLabels;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.AssessmentStatus;
import io.cairn.intake.domain.assessment.ScoredScreener;
import io.cairn.screeners.Audit;
import io.cairn.screeners.ScreenerCode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * Each scored screener of an assessment as a FHIR {@code Observation} of its total score, coded with LOINC where
 * LOINC has the total: PHQ-9 44261-6, GAD-7 70274-6, AUDIT 75624-7, and AUDIT-C 75626-2 (AUDIT's first three items,
 * an observation of its own). DAST-10 and the C-SSRS screener carry their name only. {@code final} once the assessment
 * is completed, {@code preliminary} before.
 */
final class FhirScreenerObservations {

    static final String LOINC = "http://loinc.org";
    static final String AUDIT_C = "AUDIT-C";
    private static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

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
        Observation fhir = new Observation();
        fhir.setId(total.id());
        fhir.getMeta().setVersionId(String.valueOf(assessment.version));
        Fhir.lastUpdated(fhir, assessment.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(assessment.status == AssessmentStatus.COMPLETED ? ObservationStatus.FINAL
                : ObservationStatus.PRELIMINARY);
        fhir.addCategory(new CodeableConcept(new Coding(CATEGORIES, "survey", "Survey")));
        CodeableConcept code = new CodeableConcept().setText(total.screener() + " total score");
        loincOf(total.screener()).ifPresent(loinc -> code.addCoding().setSystem(LOINC).setCode(loinc));
        fhir.setCode(code);
        fhir.setSubject(new Reference("Patient/" + assessment.patientId));
        fhir.setEffective(new DateTimeType(Date.from(assessment.completedAt != null ? assessment.completedAt
                : assessment.startedAt)));
        fhir.setValue(new IntegerType(total.score()));
        if (total.band() != null) {
            fhir.addInterpretation().setText(total.band());
        }
        String answered = total.screener().equals(AUDIT_C) ? ScreenerCode.AUDIT.label() : total.screener();
        fhir.addDerivedFrom(new Reference("QuestionnaireResponse/"
                + FhirScreenerResponses.idOf(assessment, answered)));
        return fhir;
    }

    /** What the caller's {@code code} search asks for: {@code http://loinc.org|44261-6} or just the code. */
    static boolean hasCode(Total total, String searched) {
        String wanted = searched.startsWith(LOINC + "|") ? searched.substring(LOINC.length() + 1) : searched;
        return loincOf(total.screener()).map(wanted::equals).orElse(false);
    }

    private static Optional<String> loincOf(String screener) {
        return Optional.ofNullable(switch (screener) {
            case "PHQ-9" -> "44261-6";
            case "GAD-7" -> "70274-6";
            case "AUDIT" -> "75624-7";
            case AUDIT_C -> "75626-2";
            default -> null;
        });
    }
}
