package io.cairn.treatmentplan.domain.drafting;

import static io.cairn.treatmentplan.domain.Intervention.CBT;
import static io.cairn.treatmentplan.domain.Intervention.DBT_SKILLS;
import static io.cairn.treatmentplan.domain.Intervention.FAMILY_THERAPY;
import static io.cairn.treatmentplan.domain.Intervention.MAT_EVALUATION;
import static io.cairn.treatmentplan.domain.Intervention.MBSR;
import static io.cairn.treatmentplan.domain.Intervention.MOTIVATIONAL_INTERVIEWING;
import static io.cairn.treatmentplan.domain.Intervention.PSYCHOEDUCATION;
import static io.cairn.treatmentplan.domain.Intervention.RELAPSE_PREVENTION;
import static io.cairn.treatmentplan.domain.Intervention.SAFETY_PLANNING;
import static io.cairn.treatmentplan.domain.Intervention.TWELVE_STEP_FACILITATION;

import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.treatmentplan.domain.Intervention;
import io.cairn.treatmentplan.domain.Objective;
import io.cairn.treatmentplan.domain.ObjectiveStatus;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Drafts a plan from a completed assessment by {@link DraftingRules}, so the clinician starts from a good draft. */
@ApplicationScoped
public class PlanDrafter {

    private static final String ALCOHOL = "alcohol";

    private final DraftingRules rules;

    public PlanDrafter(DraftingRules rules) {
        this.rules = rules;
    }

    public PlanDraft draft(AssessmentCompleted assessment, LocalDate today) {
        List<PlanProblem> problems = new ArrayList<>();
        if (assessment.safetyAlert()) {
            problems.add(problem(ProblemKind.SAFETY, "Safety risk raised at assessment", alerts(assessment),
                    "Stay safe while in treatment",
                    List.of(objective("Complete a written safety plan with the clinician", today.plusDays(7)),
                            objective("Name two people and the crisis line to contact when at risk",
                                    today.plusDays(7))),
                    List.of(SAFETY_PLANNING, DBT_SKILLS)));
        }
        Optional<ScreenerResult> audit = result(assessment, "AUDIT");
        boolean auditCPositive = audit.map(a -> a.findings().contains("audit-c-positive")).orElse(false);
        if (audit.map(a -> a.score() >= rules.auditProblemAt()).orElse(false) || auditCPositive
                || usedSubstance(assessment, ALCOHOL)) {
            List<Intervention> interventions = new ArrayList<>(List.of(MOTIVATIONAL_INTERVIEWING, CBT,
                    RELAPSE_PREVENTION, TWELVE_STEP_FACILITATION, PSYCHOEDUCATION));
            if (audit.map(a -> a.score() >= rules.auditMatEvaluationAt()).orElse(false)) {
                interventions.add(MAT_EVALUATION);
            }
            problems.add(problem(ProblemKind.ALCOHOL_USE, "Alcohol use", scored(audit),
                    "Stop drinking and build a life in recovery",
                    List.of(objective("Abstain from alcohol for 4 consecutive weeks, confirmed at weekly check-ins",
                            today.plusWeeks(4)),
                            objective("Write a relapse-prevention plan naming 3 triggers and a coping response to each",
                                    today.plusWeeks(2)),
                            objective("Attend at least 2 mutual-support meetings a week", today.plusWeeks(6))),
                    interventions));
        }
        Optional<ScreenerResult> dast = result(assessment, "DAST-10");
        List<String> drugs = assessment.substances().stream().filter(s -> !s.equalsIgnoreCase(ALCOHOL)).toList();
        if (dast.map(d -> d.score() >= rules.dastProblemAt()).orElse(false) || !drugs.isEmpty()) {
            List<Intervention> interventions = new ArrayList<>(List.of(MOTIVATIONAL_INTERVIEWING, CBT,
                    RELAPSE_PREVENTION, PSYCHOEDUCATION));
            boolean opioids = drugs.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).matches(
                    ".*(opioid|heroin|fentanyl|oxycodone|morphine|methadone).*"));
            if (opioids || dast.map(d -> d.score() >= rules.dastMatEvaluationAt()).orElse(false)) {
                interventions.add(MAT_EVALUATION);
            }
            problems.add(problem(ProblemKind.DRUG_USE, "Drug use" + (drugs.isEmpty() ? ""
                    : " (" + String.join(", ",
                            drugs) + ")"),
                    scored(dast), "Stop drug use and stay in recovery",
                    List.of(objective("Negative drug screens for 4 consecutive weeks", today.plusWeeks(4)),
                            objective("Write a relapse-prevention plan naming 3 triggers and a coping response to each",
                                    today.plusWeeks(2))),
                    interventions));
        }
        Optional<ScreenerResult> phq9 = result(assessment, "PHQ-9");
        if (phq9.map(p -> p.score() >= rules.phq9ProblemAt()).orElse(false)) {
            problems.add(problem(ProblemKind.DEPRESSION, "Depression", scored(phq9), "Reduce depressive symptoms",
                    List.of(objective("Lower the PHQ-9 score by 5 points or more", today.plusWeeks(8)),
                            objective("Plan and do 3 pleasant or valued activities a week", today.plusWeeks(3))),
                    List.of(CBT, PSYCHOEDUCATION, MBSR)));
        }
        Optional<ScreenerResult> gad7 = result(assessment, "GAD-7");
        if (gad7.map(g -> g.score() >= rules.gad7ProblemAt()).orElse(false)) {
            problems.add(problem(ProblemKind.ANXIETY, "Anxiety", scored(gad7), "Manage anxiety without substances",
                    List.of(objective("Lower the GAD-7 score below 10", today.plusWeeks(8)),
                            objective("Practise a relaxation or mindfulness skill daily", today.plusWeeks(2))),
                    List.of(CBT, MBSR, DBT_SKILLS)));
        }
        if (assessment.familyConflict()) {
            problems.add(problem(ProblemKind.FAMILY_CONFLICT, "Family conflict reported at assessment", null,
                    "Improve family communication and support for recovery",
                    List.of(objective("Attend at least 3 family therapy sessions", today.plusWeeks(6)),
                            objective("Agree a family recovery-support plan", today.plusWeeks(8))),
                    List.of(FAMILY_THERAPY, PSYCHOEDUCATION)));
        }
        boolean complex = problems.size() >= rules.complexNeedsProblems();
        BigDecimal hours = assessment.population() == Population.ADOLESCENT ? rules.adolescentWeeklyHours()
                : rules.adultWeeklyHours();
        if (complex) {
            hours = hours.add(rules.extraHoursForComplexNeeds()).min(rules.maximumWeeklyHours());
        }
        int weeks = complex || assessment.safetyAlert() ? rules.expectedWeeksForComplexNeeds() : rules.expectedWeeks();
        return new PlanDraft(problems, hours, weeks, rules.reviewIntervalDays());
    }

    private static Optional<ScreenerResult> result(AssessmentCompleted assessment, String screener) {
        return assessment.screenerResults().stream().filter(r -> r.screener().equals(screener)).findFirst();
    }

    private static boolean usedSubstance(AssessmentCompleted assessment, String substance) {
        return assessment.substances().stream().anyMatch(s -> s.equalsIgnoreCase(substance));
    }

    private static String scored(Optional<ScreenerResult> result) {
        return result.map(r -> r.screener() + " " + r.score() + ", " + r.band()).orElse(null);
    }

    private static String alerts(AssessmentCompleted assessment) {
        return String.join(", ", assessment.screenerResults().stream().filter(ScreenerResult::safetyAlert)
                .map(r -> r.screener() + " " + r.band()).toList());
    }

    private static Objective objective(String description, LocalDate target) {
        return new Objective(UUID.randomUUID(), description, target, ObjectiveStatus.NOT_STARTED);
    }

    private static PlanProblem problem(ProblemKind kind, String description, String screening, String goal,
            List<Objective> objectives, List<Intervention> interventions) {
        return new PlanProblem(UUID.randomUUID(), kind, description, screening, goal, objectives, interventions);
    }
}
