package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.ObjectiveStatus;
import io.cairn.treatmentplan.domain.PlanProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param revisedProblems when the review revises the plan: its new problems (a new version) */
@Schema(name = "ReviewRequest", example = """
        {"heldOn":"2026-12-24","summary":"Steady attendance; cravings down; keep the plan",
         "objectiveProgress":[{"objectiveId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8","status":"met",
                               "note":"Four weeks abstinent"}]}""")
public record ReviewRequest(@NotNull @PastOrPresent LocalDate heldOn,
        @NotNull @Size(max = 50) List<@Valid @NotNull ObjectiveProgress> objectiveProgress,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 10) List<@Valid @NotNull PlanProblem> revisedProblems) {

    public record ObjectiveProgress(@NotNull UUID objectiveId, @NotNull ObjectiveStatus status,
            @Size(max = 2000) String note) {
    }
}
