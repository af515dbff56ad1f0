package io.cairn.treatmentplan.domain;

import io.cairn.contracts.events.PreferredSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a plan version says: the problems with their goals, objectives and interventions, the weekly hours, the
 * expected length and the preferred schedule. Progress toward the objectives is not content: it is kept apart
 * ({@link TreatmentPlan#problems()}), so that a new version never undoes it.
 */
@Schema(name = "PlanContent")
public record PlanContent(List<PlanProblem> problems, BigDecimal weeklyHours, int expectedWeeks,
        @Schema(nullable = true) PreferredSchedule preferredSchedule) {

    /** The content without what the assessment found ({@link PlanProblem#screening()}). */
    public PlanContent withoutScreenings() {
        return new PlanContent(problems.stream().map(PlanProblem::withoutScreening).toList(), weeklyHours,
                expectedWeeks, preferredSchedule);
    }

    /**
     * The content with each problem's screening as the plan's {@code versions} have it, by problem id and kind: only an
     * assessment says what an assessment found, so staff who edit a plan neither change nor lose it, a problem they
     * add has none, and a screening stays with the kind of problem it raised.
     */
    public PlanContent withScreeningsOf(List<PlanContent> versions) {
        Map<UUID, PlanProblem> found = new HashMap<>();
        versions.stream().flatMap(version -> version.problems.stream())
                .filter(problem -> problem.id() != null && problem.screening() != null)
                .forEach(problem -> found.putIfAbsent(problem.id(), problem));
        return new PlanContent(problems.stream().map(problem -> {
            PlanProblem drafted = problem.id() == null ? null : found.get(problem.id());
            return problem.withScreening(drafted != null && drafted.kind() == problem.kind() ? drafted.screening() : null);
        }).toList(), weeklyHours, expectedWeeks, preferredSchedule);
    }

    /** Whether a problem says what the assessment found. */
    public boolean hasScreenings() {
        return problems.stream().anyMatch(problem -> problem.screening() != null);
    }

    /** New problems and objectives get their ids; hours to one decimal; no objective carries a status. */
    PlanContent normalized() {
        return new PlanContent(problems.stream().map(PlanProblem::normalized).toList(),
                weeklyHours.setScale(1, RoundingMode.HALF_UP), expectedWeeks, preferredSchedule);
    }
}
