package io.cairn.treatmentplan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A problem of the plan with its goal, the 1–3 objectives that measure progress toward it, and the interventions that
 * serve it.
 *
 * @param screening what the assessment found that raised the problem (screener scores and bands): assessment
 *        records, apart from the description so that a plan can be released without them
 */
public record PlanProblem(UUID id, @NotNull ProblemKind kind, @NotBlank @Size(max = 500) String description,
        @Schema(nullable = true, readOnly = true, description = "Set from the assessment the problem was drafted from; an edit keeps it. What the assessment found that raised the problem, e.g. \"PHQ-9 15, moderately-severe\": part of the assessment, shown to an EHR client only while a Part 2 consent for assessments names it too") @Size(max = 200) String screening,
        @NotBlank @Size(max = 500) String goal,
        @NotEmpty @Size(max = 3) List<@Valid @NotNull Objective> objectives,
        @NotEmpty @Size(max = 11) List<@NotNull Intervention> interventions) {

    PlanProblem normalized() {
        return new PlanProblem(id != null ? id : UUID.randomUUID(), kind, description.strip(),
                screening == null || screening.isBlank() ? null : screening.strip(), goal.strip(),
                objectives.stream().map(Objective::normalized).toList(), List.copyOf(interventions));
    }

    /** The problem without what the assessment found. */
    public PlanProblem withoutScreening() {
        return withScreening(null);
    }

    PlanProblem withScreening(String found) {
        return new PlanProblem(id, kind, description, found, goal, objectives, interventions);
    }
}
