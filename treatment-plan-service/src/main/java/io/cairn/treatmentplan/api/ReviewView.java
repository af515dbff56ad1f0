package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.PlanReview;
import io.cairn.treatmentplan.domain.measures.Measure;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewView", example = """
        {"id":"d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70","dueOn":"2026-12-25","heldOn":"2026-12-24",
         "reviewer":"clinician","summary":"Steady attendance; keep the plan","revisedVersion":null,
         "objectiveProgress":[{"objectiveId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8","status":"met",
                               "note":"Four weeks abstinent"}],
         "measures":[{"id":"0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9","instrument":"PHQ-9","score":9,"band":"mild",
                      "safetyAlert":false,"findings":[],"answers":{"1":1,"2":1,"3":2,"4":1,"5":1,"6":1,"7":1,"8":1,"9":0},
                      "source":"re-screen","takenOn":"2026-12-21","takenAt":"2026-12-21T18:02:11Z",
                      "recordedBy":"patient-6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10"}]}""")
public record ReviewView(UUID id, @Schema(nullable = true) LocalDate dueOn, LocalDate heldOn, String reviewer,
        String summary, @Schema(nullable = true) Integer revisedVersion,
        List<PlanReview.ObjectiveProgress> objectiveProgress,
        @Schema(nullable = true, description = "The patient's measures since the review before (for the first review, since the program began, the assessment's baseline included) up to this one, oldest first: the series the review looked at. Null when the caller's Part 2 consent does not release assessments") List<MeasureView> measures) {

    public static ReviewView of(PlanReview r, Optional<List<Measure>> measures) {
        return new ReviewView(r.id, r.dueOn, r.heldOn, r.reviewer, r.summary, r.revisedVersion, r.objectiveProgress,
                measures.map(taken -> taken.stream().map(MeasureView::of).toList()).orElse(null));
    }
}
