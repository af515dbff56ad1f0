package io.cairn.treatmentplan.api;

import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.treatmentplan.domain.PlanProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The plan's content as the clinician edited it; saved as a new version.
 *
 * @param planVersion the version the edit is based on (409 when the plan moved on since)
 */
@Schema(name = "PlanEditRequest", example = """
        {"planVersion":1,"weeklyHours":9,"expectedWeeks":10,"preferredSchedule":"evening",
         "changeNote":"Added family sessions after talking with the patient",
         "problems":[{"id":"5d3c1e0a-7f1b-4f8e-9c2d-1a2b3c4d5e6f","kind":"alcohol-use",
           "description":"Alcohol use","screening":"AUDIT 19, zone-3-harmful","goal":"Stop drinking and build a life in recovery",
           "objectives":[{"description":"Abstain from alcohol for 4 consecutive weeks","targetDate":"2026-12-22"}],
           "interventions":["motivational-interviewing","cbt","relapse-prevention"]}]}""")
public record PlanEditRequest(
        @NotNull Integer planVersion,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull PlanProblem> problems,
        @NotNull @DecimalMin("1") @DecimalMax("19") BigDecimal weeklyHours,
        @NotNull @Min(1) @Max(52) Integer expectedWeeks,
        PreferredSchedule preferredSchedule,
        @Size(max = 1000) String changeNote) {
}
