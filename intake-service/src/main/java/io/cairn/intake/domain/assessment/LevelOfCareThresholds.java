package io.cairn.intake.domain.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The thresholds of {@link LevelOfCareRules}, tuned by the clinic (e.g. {@code INTAKE_LEVEL_OF_CARE_RESIDENTIAL_AT}).
 * The rules apply in this order:
 * <ol>
 * <li>C-SSRS high risk → immediate safety referral (when {@link #safetyReferralOnHighSuicideRisk()});</li>
 * <li>any dimension rated {@link #residentialAt()} or more → 3.x residential: never IOP;</li>
 * <li>{@link #partialHospitalizationDimensions()} or more dimensions rated {@link #partialHospitalizationAt()} or more
 * → 2.5 partial hospitalization;</li>
 * <li>any dimension rated {@link #intensiveOutpatientAt()} or more → 2.1 intensive outpatient;</li>
 * <li>otherwise → 1 outpatient.</li>
 * </ol>
 */
@ConfigMapping(prefix = "intake.level-of-care")
public interface LevelOfCareThresholds {

    @WithDefault("true")
    boolean safetyReferralOnHighSuicideRisk();

    @WithDefault("4")
    int residentialAt();

    @WithDefault("3")
    int partialHospitalizationAt();

    @WithDefault("2")
    int partialHospitalizationDimensions();

    @WithDefault("2")
    int intensiveOutpatientAt();
}
