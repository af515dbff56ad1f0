package io.cairn.screeners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AUDIT (alcohol, WHO): items 1–8 scored 0–4, items 9–10 scored 0, 2 or 4; total 0–40 in four risk zones. Its first
 * three items are AUDIT-C, positive at 4 or more for men and 3 or more for women (and, cautiously, everyone else).
 */
public final class Audit extends Screener {

    public Audit() {
        super(ScreenerCode.AUDIT, "Alcohol Use Disorders Identification Test",
                "Think about your drinking over the past year.", auditItems());
    }

    private static List<ScreenerItem> auditItems() {
        List<AnswerOption> frequency = List.of(new AnswerOption(0, "Never"), new AnswerOption(1, "Monthly or less"),
                new AnswerOption(2, "2 to 4 times a month"), new AnswerOption(3, "2 to 3 times a week"),
                new AnswerOption(4, "4 or more times a week"));
        List<AnswerOption> drinks = List.of(new AnswerOption(0, "1 or 2"), new AnswerOption(1, "3 or 4"),
                new AnswerOption(2, "5 or 6"), new AnswerOption(3, "7 to 9"), new AnswerOption(4, "10 or more"));
        List<AnswerOption> howOften = List.of(new AnswerOption(0, "Never"), new AnswerOption(1, "Less than monthly"),
                new AnswerOption(2, "Monthly"), new AnswerOption(3, "Weekly"),
                new AnswerOption(4, "Daily or almost daily"));
        List<AnswerOption> ever = List.of(new AnswerOption(0, "No"),
                new AnswerOption(2, "Yes, but not in the last year"), new AnswerOption(4, "Yes, during the last year"));
        List<ScreenerItem> items = new ArrayList<>();
        items.add(new ScreenerItem(1, "How often do you have a drink containing alcohol?", frequency));
        items.add(new ScreenerItem(2, "How many drinks containing alcohol do you have on a typical day when you are "
                + "drinking?", drinks));
        String[] howOftenItems = {
                "How often do you have six or more drinks on one occasion?",
                "How often during the last year have you found that you were not able to stop drinking once you had "
                        + "started?",
                "How often during the last year have you failed to do what was normally expected of you because of "
                        + "drinking?",
                "How often during the last year have you needed a first drink in the morning to get yourself going "
                        + "after a heavy drinking session?",
                "How often during the last year have you had a feeling of guilt or remorse after drinking?",
                "How often during the last year have you been unable to remember what happened the night before "
                        + "because of your drinking?" };
        for (int i = 0; i < howOftenItems.length; i++) {
            items.add(new ScreenerItem(3 + i, howOftenItems[i], howOften));
        }
        items.add(new ScreenerItem(9, "Have you or someone else been injured because of your drinking?", ever));
        items.add(new ScreenerItem(10, "Has a relative, friend, doctor, or other health worker been concerned about "
                + "your drinking or suggested you cut down?", ever));
        return items;
    }

    /** AUDIT-C, the consumption items 1–3 of the AUDIT, scored on their own. */
    public static int auditC(Map<Integer, Integer> answers) {
        return answers.get(1) + answers.get(2) + answers.get(3);
    }

    @Override
    public ScreenerScore score(Map<Integer, Integer> answers, Sex sex) {
        int total = sum(answers);
        String zone = total <= 7 ? "zone-1-low-risk"
                : total <= 15 ? "zone-2-hazardous"
                        : total <= 19 ? "zone-3-harmful" : "zone-4-possible-dependence";
        int auditC = auditC(answers);
        int auditCCutOff = sex == Sex.MALE ? 4 : 3;
        List<String> findings = new ArrayList<>();
        findings.add("audit-c-score-" + auditC);
        if (auditC >= auditCCutOff) {
            findings.add("audit-c-positive");
        }
        return new ScreenerScore(code(), total, zone, false, findings);
    }
}
