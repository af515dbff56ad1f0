package io.cairn.treatmentplan.domain.measures;

import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.ProblemKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which screeners a plan re-screens, and how often: depression and anxiety weekly for everyone in the program, alcohol
 * and drug use every four weeks where the plan treats them.
 */
public final class MeasurementSchedule {

    /** One screener of the schedule. */
    public record Entry(ScreenerCode instrument, int everyDays) {
    }

    private MeasurementSchedule() {
    }

    public static List<Entry> of(List<PlanProblem> problems) {
        List<Entry> entries = new ArrayList<>(List.of(new Entry(ScreenerCode.PHQ_9, 7), new Entry(ScreenerCode.GAD_7, 7)));
        if (problems.stream().anyMatch(problem -> problem.kind() == ProblemKind.ALCOHOL_USE)) {
            entries.add(new Entry(ScreenerCode.AUDIT, 28));
        }
        if (problems.stream().anyMatch(problem -> problem.kind() == ProblemKind.DRUG_USE)) {
            entries.add(new Entry(ScreenerCode.DAST_10, 28));
        }
        return entries;
    }
}
