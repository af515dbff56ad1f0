package io.cairn.intake.api;

import io.cairn.intake.domain.assessment.AsamDimensions;
import io.cairn.intake.domain.assessment.ScreenerResponse;
import io.cairn.intake.domain.assessment.Sections.CurrentSymptoms;
import io.cairn.intake.domain.assessment.Sections.FamilyAndSupport;
import io.cairn.intake.domain.assessment.Sections.LivingSituation;
import io.cairn.intake.domain.assessment.Sections.MedicalHistory;
import io.cairn.intake.domain.assessment.Sections.Medication;
import io.cairn.intake.domain.assessment.Sections.MentalHealthHistory;
import io.cairn.intake.domain.assessment.Sections.StrengthsAndPreferences;
import io.cairn.intake.domain.assessment.Sections.SubstanceUse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The assessment as the clinician has it so far; sections may be filled in over several saves. Screeners are scored
 * by the service; the ASAM ratings give the recommended level of care.
 *
 * @param version the version this save is based on (409 when someone saved since)
 */
@Schema(name = "AssessmentRequest", example = AssessmentRequest.EXAMPLE)
public record AssessmentRequest(
        @NotNull Integer version,
        @Valid MedicalHistory medicalHistory,
        @Size(max = 50) List<@Valid @NotNull Medication> medications,
        @Valid CurrentSymptoms currentSymptoms,
        @Size(max = 30) List<@Valid @NotNull SubstanceUse> substanceUse,
        @Valid MentalHealthHistory mentalHealthHistory,
        @Valid FamilyAndSupport familyAndSupport,
        @Valid LivingSituation livingSituation,
        @Valid StrengthsAndPreferences strengthsAndPreferences,
        @Size(max = 5) List<@Valid @NotNull ScreenerResponse> screenerResponses,
        @Valid AsamDimensions asamRatings) {

    static final String EXAMPLE = """
            {"version":0,
             "medicalHistory":{"conditions":["hypertension"],"allergies":[],"primaryCareProvider":"Dr. Lee"},
             "medications":[{"name":"lisinopril","dose":"10 mg","frequency":"daily"}],
             "currentSymptoms":{"symptoms":["low mood","poor sleep","cravings"]},
             "substanceUse":[{"substance":"alcohol","frequency":"daily","route":"oral","lastUse":"2026-11-20",
                              "ageOfFirstUse":16}],
             "mentalHealthHistory":{"diagnoses":["major depressive disorder"],"psychiatricHospitalizations":0,
                                    "previousTreatment":true},
             "familyAndSupport":{"livingWith":"partner","supportPeople":["partner","sister"],"familyConflict":false},
             "livingSituation":{"housing":"stable","employment":"employed-full-time","legalInvolvement":false},
             "strengthsAndPreferences":{"strengths":["motivated","supportive partner"],"preferredSchedule":"evening"},
             "screenerResponses":[{"screener":"PHQ-9","answers":{"1":2,"2":2,"3":3,"4":2,"5":1,"6":1,"7":1,"8":0,"9":0}}],
             "asamRatings":{"intoxicationWithdrawal":1,"biomedical":0,"emotionalBehavioralCognitive":2,
                            "readinessToChange":2,"relapsePotential":3,"recoveryEnvironment":1}}""";
}
