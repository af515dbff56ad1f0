package io.cairn.treatmentplan.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What graduation requires, tuned by the clinic (e.g. {@code TREATMENT_PLAN_GRADUATION_MINIMUM_WEEKS}): enough weeks
 * in the program since approval, enough of the target hours attended over those weeks, and enough objectives met. A
 * clinician may graduate a patient who misses a criterion only with a reason.
 */
@ConfigMapping(prefix = "treatment-plan.graduation")
public interface GraduationCriteria {

    @WithDefault("8")
    int minimumWeeks();

    /** Share of the weekly hours target, over the weeks in the program, that must have been attended. */
    @WithDefault("0.75")
    double minimumHoursShare();

    /** Share of the objectives (revised ones left out) that must be met. */
    @WithDefault("0.8")
    double minimumObjectivesMetShare();
}
