package io.cairn.screeners;

import java.util.List;
import java.util.Map;

/** DAST-10 (drug use, past 12 months): 10 yes/no items, item 3 reverse-scored; total 0–10 in five bands. */
public final class Dast10 extends Screener {

    static final List<AnswerOption> YES_NO = List.of(new AnswerOption(0, "No"), new AnswerOption(1, "Yes"));
    private static final int REVERSED_ITEM = 3;

    public Dast10() {
        super(ScreenerCode.DAST_10, "Drug Abuse Screening Test-10",
                "These questions refer to drug use in the past 12 months, not counting alcohol or medication taken "
                        + "as prescribed.",
                items(YES_NO,
                        "Have you used drugs other than those required for medical reasons?",
                        "Do you abuse more than one drug at a time?",
                        "Are you always able to stop using drugs when you want to?",
                        "Have you had blackouts or flashbacks as a result of drug use?",
                        "Do you ever feel bad or guilty about your drug use?",
                        "Does your spouse (or parents) ever complain about your involvement with drugs?",
                        "Have you neglected your family because of your use of drugs?",
                        "Have you engaged in illegal activities in order to obtain drugs?",
                        "Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?",
                        "Have you had medical problems as a result of your drug use (e.g. memory loss, hepatitis, "
                                + "convulsions, bleeding)?"));
    }

    @Override
    public ScreenerScore score(Map<Integer, Integer> answers, Sex sex) {
        int total = 0;
        for (Map.Entry<Integer, Integer> answer : answers.entrySet()) {
            boolean yes = answer.getValue() == 1;
            // "Always able to stop?" — a "no" is the answer that points to a problem.
            total += (answer.getKey() == REVERSED_ITEM ? !yes : yes) ? 1 : 0;
        }
        String band = total == 0 ? "none"
                : total <= 2 ? "low"
                        : total <= 5 ? "moderate"
                                : total <= 8 ? "substantial" : "severe";
        return new ScreenerScore(code(), total, band, false, List.of());
    }
}
