package io.cairn.intake.api;

import io.cairn.contracts.events.LevelOfCare;
import io.cairn.intake.domain.assessment.AsamDimensions;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.AssessmentStatus;
import io.cairn.intake.domain.assessment.ScoredScreener;
import io.cairn.intake.domain.assessment.Sections.CurrentSymptoms;
import io.cairn.intake.domain.assessment.Sections.FamilyAndSupport;
import io.cairn.intake.domain.assessment.Sections.LivingSituation;
import io.cairn.intake.domain.assessment.Sections.MedicalHistory;
import io.cairn.intake.domain.assessment.Sections.Medication;
import io.cairn.intake.domain.assessment.Sections.MentalHealthHistory;
import io.cairn.intake.domain.assessment.Sections.StrengthsAndPreferences;
import io.cairn.intake.domain.assessment.Sections.SubstanceUse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assessment with its scored screeners, safety alert and level of care. */
@Schema(name = "AssessmentView", example = """
        {"id":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "referralId":"0b7e4f0e-7d6a-4c36-8f0e-51a8f0d7c1aa","status":"in-progress","medicalHistory":null,
         "medications":null,"currentSymptoms":null,
         "substanceUse":[{"substance":"alcohol","frequency":"daily","route":"oral","lastUse":"2026-11-20",
                          "ageOfFirstUse":null,"notes":null}],
         "mentalHealthHistory":null,"familyAndSupport":null,"livingSituation":null,"strengthsAndPreferences":null,
         "screeners":[{"screener":"PHQ-9","answers":{"1":2,"2":2,"3":3,"4":2,"5":1,"6":1,"7":1,"8":0,"9":0},
                       "score":12,"band":"moderate","safetyAlert":false,"findings":[]}],
         "safetyAlert":false,"asamRatings":{"intoxicationWithdrawal":1,"biomedical":0,
         "emotionalBehavioralCognitive":2,"readinessToChange":2,"relapsePotential":3,"recoveryEnvironment":1},
         "recommendedLevelOfCare":"2.1","levelOfCare":null,"overrideReason":null,"startedBy":"clinician",
         "startedAt":"2026-11-24T10:30:00Z","completedBy":null,"completedAt":null,"version":1}""")
public record AssessmentView(UUID id, UUID patientId, @Schema(nullable = true) UUID referralId, AssessmentStatus status,
        @Schema(nullable = true) MedicalHistory medicalHistory,
        @Schema(nullable = true) List<Medication> medications,
        @Schema(nullable = true) CurrentSymptoms currentSymptoms,
        @Schema(nullable = true) List<SubstanceUse> substanceUse,
        @Schema(nullable = true) MentalHealthHistory mentalHealthHistory,
        @Schema(nullable = true) FamilyAndSupport familyAndSupport,
        @Schema(nullable = true) LivingSituation livingSituation,
        @Schema(nullable = true) StrengthsAndPreferences strengthsAndPreferences,
        List<ScoredScreener> screeners, boolean safetyAlert,
        @Schema(nullable = true) AsamDimensions asamRatings,
        @Schema(nullable = true) LevelOfCare recommendedLevelOfCare,
        @Schema(nullable = true) LevelOfCare levelOfCare,
        @Schema(nullable = true) String overrideReason, String startedBy, Instant startedAt,
        @Schema(nullable = true) String completedBy,
        @Schema(nullable = true) Instant completedAt, int version) {

    public static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id, a.patientId, a.referralId, a.status, a.medicalHistory, a.medications,
                a.currentSymptoms, a.substanceUse, a.mentalHealthHistory, a.familyAndSupport, a.livingSituation,
                a.strengthsAndPreferences, a.screeners, a.hasSafetyAlert(), a.asamRatings, a.recommendedLevelOfCare,
                a.levelOfCare, a.overrideReason, a.startedBy, a.startedAt, a.completedBy, a.completedAt, a.version);
    }
}
