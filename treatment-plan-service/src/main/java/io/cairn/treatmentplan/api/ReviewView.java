package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.PlanReview;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewView", example = """
        {"id":"d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70","dueOn":"2026-12-25","heldOn":"2026-12-24",
         "reviewer":"clinician","summary":"Steady attendance; keep the plan","revisedVersion":null,
         "objectiveProgress":[{"objectiveId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8","status":"met",
                               "note":"Four weeks abstinent"}]}""")
public record ReviewView(UUID id, @Schema(nullable = true) LocalDate dueOn, LocalDate heldOn, String reviewer,
        String summary, @Schema(nullable = true) Integer revisedVersion,
        List<PlanReview.ObjectiveProgress> objectiveProgress) {

    public static ReviewView of(PlanReview r) {
        return new ReviewView(r.id, r.dueOn, r.heldOn, r.reviewer, r.summary, r.revisedVersion, r.objectiveProgress);
    }
}
