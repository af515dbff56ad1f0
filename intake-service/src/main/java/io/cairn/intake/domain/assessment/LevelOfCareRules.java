package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.LevelOfCare;
import jakarta.enterprise.context.ApplicationScoped;

/** Recommends a level of care by the documented rules of {@link LevelOfCareThresholds}. */
@ApplicationScoped
public class LevelOfCareRules {

    private final LevelOfCareThresholds thresholds;

    public LevelOfCareRules(LevelOfCareThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public LevelOfCare recommend(AsamDimensions ratings, boolean highSuicideRisk) {
        if (highSuicideRisk && thresholds.safetyReferralOnHighSuicideRisk()) {
            return LevelOfCare.IMMEDIATE_SAFETY_REFERRAL;
        }
        if (ratings.all().stream().anyMatch(r -> r >= thresholds.residentialAt())) {
            return LevelOfCare.RESIDENTIAL;
        }
        if (ratings.all().stream().filter(r -> r >= thresholds.partialHospitalizationAt())
                .count() >= thresholds.partialHospitalizationDimensions()) {
            return LevelOfCare.PARTIAL_HOSPITALIZATION;
        }
        if (ratings.all().stream().anyMatch(r -> r >= thresholds.intensiveOutpatientAt())) {
            return LevelOfCare.INTENSIVE_OUTPATIENT;
        }
        return LevelOfCare.OUTPATIENT;
    }
}
