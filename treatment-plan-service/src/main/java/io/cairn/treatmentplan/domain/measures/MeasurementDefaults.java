package io.cairn.treatmentplan.domain.measures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How often the clinic re-screens, in days, unless a plan says otherwise (e.g.
 * {@code TREATMENT_PLAN_MEASURES_PHQ9_EVERY_DAYS}): depression and anxiety weekly, alcohol and drug use every four
 * weeks where the plan treats them.
 */
@ConfigMapping(prefix = "treatment-plan.measures")
public interface MeasurementDefaults {

    @WithDefault("7")
    @Min(1)
    @Max(365)
    int phq9EveryDays();

    @WithDefault("7")
    @Min(1)
    @Max(365)
    int gad7EveryDays();

    @WithDefault("28")
    @Min(1)
    @Max(365)
    int auditEveryDays();

    @WithDefault("28")
    @Min(1)
    @Max(365)
    int dast10EveryDays();
}
