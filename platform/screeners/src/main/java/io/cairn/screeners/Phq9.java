package io.cairn.screeners;

import io.cairn.contracts.events.SafetyFinding;
import java.util.List;
import java.util.Map;

/** PHQ-9 (depression): 9 items 0–3, total 0–27; any answer above 0 on item 9 raises a safety alert. */
public final class Phq9 extends Screener {

    static final List<AnswerOption> FREQUENCY = List.of(new AnswerOption(0, "Not at all"),
            new AnswerOption(1, "Several days"), new AnswerOption(2, "More than half the days"),
            new AnswerOption(3, "Nearly every day"));

    public Phq9() {
        super(ScreenerCode.PHQ_9, "Patient Health Questionnaire-9",
                "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
                items(FREQUENCY,
                        "Little interest or pleasure in doing things",
                        "Feeling down, depressed, or hopeless",
                        "Trouble falling or staying asleep, or sleeping too much",
                        "Feeling tired or having little energy",
                        "Poor appetite or overeating",
                        "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
                        "Trouble concentrating on things, such as reading the newspaper or watching television",
                        "Moving or speaking so slowly that other people could have noticed, or the opposite: being so "
                                + "fidgety or restless that you have been moving around a lot more than usual",
                        "Thoughts that you would be better off dead, or of hurting yourself in some way"));
    }

    @Override
    public List<SafetyFinding> safetyFindings(Map<Integer, Integer> answers) {
        return answers.get(SafetyFinding.SELF_HARM_THOUGHTS.item()) > 0 ? List.of(SafetyFinding.SELF_HARM_THOUGHTS)
                : List.of();
    }

    @Override
    public ScreenerScore score(Map<Integer, Integer> answers, Sex sex) {
        int total = sum(answers);
        String band = total <= 4 ? "minimal"
                : total <= 9 ? "mild"
                        : total <= 14 ? "moderate"
                                : total <= 19 ? "moderately-severe" : "severe";
        boolean selfHarmThoughts = !safetyFindings(answers).isEmpty();
        return new ScreenerScore(code(), total, band, selfHarmThoughts,
                selfHarmThoughts ? List.of("item-9-self-harm-thoughts") : List.of());
    }
}
