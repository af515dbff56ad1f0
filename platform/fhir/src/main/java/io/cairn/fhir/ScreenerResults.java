package io.cairn.fhir;

import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerItem;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A scored screener as FHIR, wherever it was answered (intake's assessment, a re-screen during the program): its total
 * as an {@code Observation} coded with LOINC where LOINC has the total (PHQ-9 44261-6, GAD-7 70274-6, AUDIT 75624-7,
 * AUDIT-C 75626-2), derived from the {@code QuestionnaireResponse} of its answers. Both carry Part 2's labels.
 */
public final class ScreenerResults {

    public static final String LOINC = "http://loinc.org";
    public static final String AUDIT_C = "AUDIT-C";
    private static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

    private ScreenerResults() {
    }

    /**
     * The total {@code score} of {@code screener} (its published name) for the patient, taken at {@code effective},
     * {@code final} or {@code preliminary}; {@code band} is its interpretation in words, when it has one.
     */
    public static Observation total(String id, UUID patientId, String screener, int score, String band,
            Instant effective, boolean isFinal) {
        Observation fhir = new Observation();
        fhir.setId(id);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(isFinal ? ObservationStatus.FINAL : ObservationStatus.PRELIMINARY);
        fhir.addCategory(new CodeableConcept(new Coding(CATEGORIES, "survey", "Survey")));
        CodeableConcept code = new CodeableConcept().setText(screener + " total score");
        loincOf(screener).ifPresent(loinc -> code.addCoding().setSystem(LOINC).setCode(loinc));
        fhir.setCode(code);
        fhir.setSubject(new Reference("Patient/" + patientId));
        fhir.setEffective(new DateTimeType(Date.from(effective)));
        fhir.setValue(new IntegerType(score));
        if (band != null) {
            fhir.addInterpretation().setText(band);
        }
        return fhir;
    }

    /** The screener as the patient answered it: each item answered, with its text and the value chosen. */
    public static QuestionnaireResponse answers(String id, UUID patientId, Screener screener,
            Map<Integer, Integer> answers, Instant authored, boolean completed) {
        QuestionnaireResponse fhir = new QuestionnaireResponse();
        fhir.setId(id);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(completed ? QuestionnaireResponseStatus.COMPLETED : QuestionnaireResponseStatus.INPROGRESS);
        fhir.setSubject(new Reference("Patient/" + patientId));
        fhir.setAuthored(Date.from(authored));
        for (ScreenerItem item : screener.items()) {
            Integer answer = answers.get(item.number());
            if (answer != null) {
                fhir.addItem().setLinkId(String.valueOf(item.number())).setText(item.text()).addAnswer()
                        .setValue(new IntegerType(answer));
            }
        }
        return fhir;
    }

    /** The {@code code} search of screener totals, as the CapabilityStatement describes it. */
    public static CapabilityStatementRestResourceComponent describeCodeSearch(
            CapabilityStatementRestResourceComponent resource) {
        resource.addSearchParam().setName("code").setType(SearchParamType.TOKEN)
                .setDocumentation("a LOINC total score: http://loinc.org|44261-6 (PHQ-9), 70274-6 (GAD-7), "
                        + "75624-7 (AUDIT), 75626-2 (AUDIT-C)");
        return resource;
    }

    /** Whether a {@code code} search ({@code http://loinc.org|44261-6}, or the code alone) asks for the screener. */
    public static boolean hasCode(String screener, String searched) {
        String wanted = searched.startsWith(LOINC + "|") ? searched.substring(LOINC.length() + 1) : searched;
        return loincOf(screener).map(wanted::equals).orElse(false);
    }

    /** The LOINC code of the screener's total score; DAST-10 and the C-SSRS screener have none. */
    public static Optional<String> loincOf(String screener) {
        return Optional.ofNullable(switch (screener) {
            case "PHQ-9" -> "44261-6";
            case "GAD-7" -> "70274-6";
            case "AUDIT" -> "75624-7";
            case AUDIT_C -> "75626-2";
            default -> null;
        });
    }
}
