package io.cairn.treatmentplan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A problem of the plan with its goal, the 1–3 objectives that measure progress toward it, and the interventions that
 * serve it.
 */
public record PlanProblem(UUID id, @NotNull ProblemKind kind, @NotBlank @Size(max = 500) String description,
        @NotBlank @Size(max = 500) String goal,
        @NotEmpty @Size(max = 3) List<@Valid @NotNull Objective> objectives,
        @NotEmpty @Size(max = 11) List<@NotNull Intervention> interventions) {

    PlanProblem normalized() {
        return new PlanProblem(id != null ? id : UUID.randomUUID(), kind, description.strip(), goal.strip(),
                objectives.stream().map(Objective::normalized).toList(), List.copyOf(interventions));
    }
}
