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

/** An assessment with its scored screeners, safety alert and level of care. */
public record AssessmentView(UUID id, UUID patientId, UUID referralId, AssessmentStatus status,
        MedicalHistory medicalHistory, List<Medication> medications, CurrentSymptoms currentSymptoms,
        List<SubstanceUse> substanceUse, MentalHealthHistory mentalHealthHistory, FamilyAndSupport familyAndSupport,
        LivingSituation livingSituation, StrengthsAndPreferences strengthsAndPreferences,
        List<ScoredScreener> screeners, boolean safetyAlert, AsamDimensions asamRatings,
        LevelOfCare recommendedLevelOfCare, LevelOfCare levelOfCare, String overrideReason, String startedBy,
        Instant startedAt, String completedBy, Instant completedAt, int version) {

    public static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id, a.patientId, a.referralId, a.status, a.medicalHistory, a.medications,
                a.currentSymptoms, a.substanceUse, a.mentalHealthHistory, a.familyAndSupport, a.livingSituation,
                a.strengthsAndPreferences, a.screeners, a.hasSafetyAlert(), a.asamRatings, a.recommendedLevelOfCare,
                a.levelOfCare, a.overrideReason, a.startedBy, a.startedAt, a.completedBy, a.completedAt, a.version);
    }
}
