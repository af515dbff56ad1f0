package io.cairn.treatmentplan.domain.drafting;

import io.cairn.treatmentplan.domain.PlanProblem;
import java.math.BigDecimal;
import java.util.List;

/** What drafting proposes; the clinician edits it before approval. */
public record PlanDraft(List<PlanProblem> problems, BigDecimal weeklyHours, int expectedWeeks, int reviewIntervalDays) {
}
