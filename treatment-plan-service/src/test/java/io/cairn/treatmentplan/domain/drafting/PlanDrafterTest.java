package io.cairn.treatmentplan.domain.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.AsamRatings;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.treatmentplan.domain.Intervention;
import io.cairn.treatmentplan.domain.ObjectiveStatus;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.ProblemKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each drafting rule, per problem type and age group. */
class PlanDrafterTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    static final DraftingRules DEFAULTS = new DraftingRules() {
        public int auditProblemAt() {
            return 8;
        }

        public int auditMatEvaluationAt() {
            return 20;
        }

        public int dastProblemAt() {
            return 3;
        }

        public int dastMatEvaluationAt() {
            return 6;
        }

        public int phq9ProblemAt() {
            return 10;
        }

        public int gad7ProblemAt() {
            return 10;
        }

        public BigDecimal adultWeeklyHours() {
            return new BigDecimal("9");
        }

        public BigDecimal adolescentWeeklyHours() {
            return new BigDecimal("6");
        }

        public BigDecimal maximumWeeklyHours() {
            return new BigDecimal("19");
        }

        public int complexNeedsProblems() {
            return 3;
        }

        public BigDecimal extraHoursForComplexNeeds() {
            return new BigDecimal("3");
        }

        public int expectedWeeks() {
            return 8;
        }

        public int expectedWeeksForComplexNeeds() {
            return 12;
        }

        public int reviewIntervalDays() {
            return 30;
        }
    };

    final PlanDrafter drafter = new PlanDrafter(DEFAULTS);

    @Test
    void harmfulDrinkingDraftsAnAlcoholUseProblemWithSmartObjectives() {
        PlanDraft draft = draft(Population.ADULT, List.of(screener("AUDIT", 19, "zone-3-harmful")), List.of(), false,
                false);

        PlanProblem alcohol = only(draft, ProblemKind.ALCOHOL_USE);
        // What the assessment found is kept apart from the problem: it is released under assessments, not plans.
        assertEquals("Alcohol use", alcohol.description());
        assertEquals("AUDIT 19, zone-3-harmful", alcohol.screening());
        assertTrue(alcohol.objectives().size() >= 1 && alcohol.objectives().size() <= 3);
        alcohol.objectives().forEach(o -> {
            assertTrue(o.targetDate().isAfter(TODAY));
            assertEquals(ObjectiveStatus.NOT_STARTED, o.status());
        });
        assertTrue(alcohol.interventions().contains(Intervention.MOTIVATIONAL_INTERVIEWING));
        assertFalse(alcohol.interventions().contains(Intervention.MAT_EVALUATION));
    }

    @Test
    void possibleDependenceAddsAMatEvaluation() {
        PlanDraft draft = draft(Population.ADULT, List.of(screener("AUDIT", 24, "zone-4-possible-dependence")),
                List.of(), false, false);

        assertTrue(only(draft, ProblemKind.ALCOHOL_USE).interventions().contains(Intervention.MAT_EVALUATION));
    }

    @Test
    void aPositiveAuditCOrAlcoholInTheHistoryIsEnoughForAnAlcoholProblem() {
        ScreenerResult lowAudit = new ScreenerResult("AUDIT", 5, "zone-1-low-risk", false,
                List.of("audit-c-score-4", "audit-c-positive"));
        assertEquals(1, kinds(draft(Population.ADULT, List.of(lowAudit), List.of(), false, false))
                .stream().filter(k -> k == ProblemKind.ALCOHOL_USE).count());
        assertTrue(kinds(draft(Population.ADULT, List.of(screener("AUDIT", 2, "zone-1-low-risk")),
                List.of("Alcohol"), false, false)).contains(ProblemKind.ALCOHOL_USE));
        assertFalse(kinds(draft(Population.ADULT, List.of(screener("AUDIT", 7, "zone-1-low-risk")), List.of(),
                false, false)).contains(ProblemKind.ALCOHOL_USE));
    }

    @Test
    void drugUseFromDastOrHistoryWithMatForOpioids() {
        assertTrue(kinds(draft(Population.ADULT, List.of(screener("DAST-10", 3, "moderate")), List.of(), false,
                false)).contains(ProblemKind.DRUG_USE));
        assertFalse(kinds(draft(Population.ADULT, List.of(screener("DAST-10", 2, "low")), List.of(), false, false))
                .contains(ProblemKind.DRUG_USE));
        PlanDraft opioids = draft(Population.ADULT, List.of(screener("DAST-10", 2, "low")), List.of("heroin"), false,
                false);
        PlanProblem drugs = only(opioids, ProblemKind.DRUG_USE);
        assertTrue(drugs.description().contains("heroin"));
        assertTrue(drugs.interventions().contains(Intervention.MAT_EVALUATION));
    }

    @Test
    void depressionAndAnxietyFromTheirScreenersAtTheCutPoint() {
        List<ProblemKind> at = kinds(draft(Population.ADULT, List.of(screener("PHQ-9", 10, "moderate"),
                screener("GAD-7", 10, "moderate")), List.of(), false, false));
        assertTrue(at.contains(ProblemKind.DEPRESSION));
        assertTrue(at.contains(ProblemKind.ANXIETY));
        List<ProblemKind> below = kinds(draft(Population.ADULT, List.of(screener("PHQ-9", 9, "mild"),
                screener("GAD-7", 9, "mild")), List.of(), false, false));
        assertEquals(List.of(), below);
    }

    @Test
    void familyConflictAndSafetyAlertsDraftTheirOwnProblemsSafetyFirst() {
        List<ScreenerResult> screeners = List.of(new ScreenerResult("C-SSRS", 4, "high", true,
                List.of("high-suicide-risk")));
        PlanDraft draft = draft(Population.ADULT, screeners, List.of(), true, true);

        assertEquals(List.of(ProblemKind.SAFETY, ProblemKind.FAMILY_CONFLICT), kinds(draft));
        assertTrue(draft.problems().get(0).interventions().contains(Intervention.SAFETY_PLANNING));
        assertTrue(only(draft, ProblemKind.FAMILY_CONFLICT).interventions().contains(Intervention.FAMILY_THERAPY));
        assertEquals(12, draft.expectedWeeks(), "a safety alert lengthens the program");
    }

    @Test
    void adultsGetNineHoursAdolescentsSixAndComplexNeedsMore() {
        List<ScreenerResult> one = List.of(screener("AUDIT", 12, "zone-2-hazardous"));
        List<ScreenerResult> three = List.of(screener("AUDIT", 12, "zone-2-hazardous"), screener("PHQ-9", 15,
                "moderately-severe"), screener("GAD-7", 12, "moderate"));

        PlanDraft adult = draft(Population.ADULT, one, List.of(), false, false);
        assertEquals(new BigDecimal("9"), adult.weeklyHours());
        assertEquals(8, adult.expectedWeeks());
        assertEquals(30, adult.reviewIntervalDays());
        assertEquals(new BigDecimal("6"), draft(Population.ADOLESCENT, one, List.of(), false, false).weeklyHours());

        PlanDraft complexAdult = draft(Population.ADULT, three, List.of(), false, false);
        assertEquals(new BigDecimal("12"), complexAdult.weeklyHours());
        assertEquals(12, complexAdult.expectedWeeks());
        assertEquals(new BigDecimal("9"), draft(Population.ADOLESCENT, three, List.of(), false, false).weeklyHours());
    }

    private PlanDraft draft(Population population, List<ScreenerResult> screeners, List<String> substances,
            boolean familyConflict, boolean safetyAlert) {
        return drafter.draft(new AssessmentCompleted(UUID.randomUUID(), UUID.randomUUID(), population,
                LevelOfCare.INTENSIVE_OUTPATIENT, LevelOfCare.INTENSIVE_OUTPATIENT, null,
                new AsamRatings(1, 0, 2, 2, 2, 1), screeners, safetyAlert, substances, familyConflict, List.of(),
                List.of(), PreferredSchedule.EVENING, Instant.now()), TODAY);
    }

    private static ScreenerResult screener(String code, int score, String band) {
        return new ScreenerResult(code, score, band, false, new ArrayList<>());
    }

    private static List<ProblemKind> kinds(PlanDraft draft) {
        return draft.problems().stream().map(PlanProblem::kind).toList();
    }

    private static PlanProblem only(PlanDraft draft, ProblemKind kind) {
        List<PlanProblem> found = draft.problems().stream().filter(p -> p.kind() == kind).toList();
        assertEquals(1, found.size(), kind.toString());
        return found.get(0);
    }
}
