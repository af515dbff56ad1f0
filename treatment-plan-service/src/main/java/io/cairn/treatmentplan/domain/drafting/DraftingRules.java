package io.cairn.treatmentplan.domain.drafting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * The documented rules a plan is drafted by, tuned by the clinic (e.g. {@code TREATMENT_PLAN_DRAFTING_PHQ9_PROBLEM_AT}).
 * A problem is drafted for each finding:
 * <ul>
 * <li>alcohol use: AUDIT at {@link #auditProblemAt()} or more, AUDIT-C positive, or alcohol in the use history;</li>
 * <li>drug use: DAST-10 at {@link #dastProblemAt()} or more, or another substance in the use history;</li>
 * <li>depression: PHQ-9 at {@link #phq9ProblemAt()} or more; anxiety: GAD-7 at {@link #gad7ProblemAt()} or more;</li>
 * <li>family conflict: reported in the family dynamics; safety: any safety alert.</li>
 * </ul>
 * Weekly hours start at the population's minimum; {@link #complexNeedsProblems()} or more problems add
 * {@link #extraHoursForComplexNeeds()}, never above {@link #maximumWeeklyHours()}. Complex needs or a safety alert
 * lengthen the expected program from {@link #expectedWeeks()} to {@link #expectedWeeksForComplexNeeds()}.
 */
@ConfigMapping(prefix = "treatment-plan.drafting")
public interface DraftingRules {

    @WithDefault("8")
    int auditProblemAt();

    /** AUDIT zone IV: evaluate for medication-assisted treatment. */
    @WithDefault("20")
    int auditMatEvaluationAt();

    @WithDefault("3")
    int dastProblemAt();

    @WithDefault("6")
    int dastMatEvaluationAt();

    @WithDefault("10")
    int phq9ProblemAt();

    @WithDefault("10")
    int gad7ProblemAt();

    @WithDefault("9")
    BigDecimal adultWeeklyHours();

    @WithDefault("6")
    BigDecimal adolescentWeeklyHours();

    @WithDefault("19")
    BigDecimal maximumWeeklyHours();

    @WithDefault("3")
    int complexNeedsProblems();

    @WithDefault("3")
    BigDecimal extraHoursForComplexNeeds();

    @WithDefault("8")
    int expectedWeeks();

    @WithDefault("12")
    int expectedWeeksForComplexNeeds();

    @WithDefault("30")
    int reviewIntervalDays();
}
