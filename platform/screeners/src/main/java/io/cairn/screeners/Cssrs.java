package io.cairn.screeners;

import io.cairn.contracts.events.SafetyFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * C-SSRS screener (suicide risk, past month): 6 yes/no items; "no" on item 2 skips items 3–5. Item 6 asks about
 * suicidal behavior ever, and whether within the past 3 months. Yes on item 4 or 5, or item 6 within the past 3
 * months, is high risk and a safety alert.
 */
public final class Cssrs extends Screener {

    static final int BEHAVIOR_WITHIN_3_MONTHS = 2;

    public Cssrs() {
        super(ScreenerCode.C_SSRS, "Columbia-Suicide Severity Rating Scale, screener",
                "Ask questions 1 and 2. If both are negative, proceed to question 6. If the answer to question 2 is "
                        + "yes, ask questions 3, 4, 5 and 6.",
                List.of(new ScreenerItem(1, "In the past month, have you wished you were dead or wished you could go "
                        + "to sleep and not wake up?", Dast10.YES_NO),
                        new ScreenerItem(2, "In the past month, have you actually had any thoughts of killing yourself?",
                                Dast10.YES_NO),
                        new ScreenerItem(3, "Have you been thinking about how you might do this?", Dast10.YES_NO),
                        new ScreenerItem(4, "Have you had these thoughts and had some intention of acting on them?",
                                Dast10.YES_NO),
                        new ScreenerItem(5, "Have you started to work out or worked out the details of how to kill "
                                + "yourself? Do you intend to carry out this plan?", Dast10.YES_NO),
                        new ScreenerItem(6, "Have you ever done anything, started to do anything, or prepared to do "
                                + "anything to end your life?",
                                List.of(new AnswerOption(0, "No"),
                                        new AnswerOption(1, "Yes, more than 3 months ago"),
                                        new AnswerOption(BEHAVIOR_WITHIN_3_MONTHS, "Yes, within the past 3 months")))));
    }

    @Override
    protected boolean isAsked(int item, Map<Integer, Integer> answers) {
        boolean skipped = item >= 3 && item <= 5 && Integer.valueOf(0).equals(answers.get(2));
        return !skipped;
    }

    @Override
    public ScreenerScore score(Map<Integer, Integer> answers, Sex sex) {
        int yes = (int) answers.values().stream().filter(answer -> answer > 0).count();
        String risk;
        if (!safetyFindings(answers).isEmpty()) {
            risk = "high";
        } else if (yes(answers, 3) || answers.get(6) > 0) {
            risk = "moderate";
        } else if (yes(answers, 1) || yes(answers, 2)) {
            risk = "low";
        } else {
            risk = "none";
        }
        boolean high = risk.equals("high");
        return new ScreenerScore(code(), yes, risk, high, high ? List.of("high-suicide-risk") : List.of());
    }

    /** Intent (item 4), a plan (item 5) and behavior within the past 3 months (item 6) are each high risk. */
    @Override
    public List<SafetyFinding> safetyFindings(Map<Integer, Integer> answers) {
        List<SafetyFinding> findings = new ArrayList<>();
        if (yes(answers, SafetyFinding.SUICIDAL_INTENT.item())) {
            findings.add(SafetyFinding.SUICIDAL_INTENT);
        }
        if (yes(answers, SafetyFinding.SUICIDAL_PLAN.item())) {
            findings.add(SafetyFinding.SUICIDAL_PLAN);
        }
        if (answers.get(SafetyFinding.RECENT_SUICIDAL_BEHAVIOR.item()) == BEHAVIOR_WITHIN_3_MONTHS) {
            findings.add(SafetyFinding.RECENT_SUICIDAL_BEHAVIOR);
        }
        return findings;
    }

    private static boolean yes(Map<Integer, Integer> answers, int item) {
        Integer answer = answers.get(item);
        return answer != null && answer > 0;
    }
}
