package io.cairn.treatmentplan.domain.measures;

import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.ProblemKind;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which screeners a plan re-screens, and how often: the plan's own schedule when a clinician set one, otherwise the
 * clinic's defaults (MeasurementDefaults) for depression and anxiety, and for alcohol and drug use where the plan
 * treats them.
 */
@ApplicationScoped
public class MeasurementSchedule {

    /** One screener of the schedule. */
    @Schema(name = "MeasurementScheduleEntry", example = """
            {"instrument":"PHQ-9","everyDays":7}""")
    public record Entry(@NotNull @Schema(description = "PHQ-9, GAD-7, AUDIT or DAST-10") ScreenerCode instrument,
            @Min(1) @Max(365) int everyDays) {
    }

    private final MeasurementDefaults defaults;

    MeasurementSchedule(MeasurementDefaults defaults) {
        this.defaults = defaults;
    }

    public List<Entry> of(TreatmentPlan plan) {
        return plan.measurementSchedule != null ? plan.measurementSchedule : byDefault(plan.problems());
    }

    /** The clinic's schedule for a plan with these problems. */
    public List<Entry> byDefault(List<PlanProblem> problems) {
        List<Entry> entries = new ArrayList<>(List.of(new Entry(ScreenerCode.PHQ_9, defaults.phq9EveryDays()),
                new Entry(ScreenerCode.GAD_7, defaults.gad7EveryDays())));
        if (problems.stream().anyMatch(problem -> problem.kind() == ProblemKind.ALCOHOL_USE)) {
            entries.add(new Entry(ScreenerCode.AUDIT, defaults.auditEveryDays()));
        }
        if (problems.stream().anyMatch(problem -> problem.kind() == ProblemKind.DRUG_USE)) {
            entries.add(new Entry(ScreenerCode.DAST_10, defaults.dast10EveryDays()));
        }
        return entries;
    }
}
