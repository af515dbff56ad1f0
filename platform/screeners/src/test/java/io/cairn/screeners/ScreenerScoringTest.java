package io.cairn.screeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.SafetyFinding;
import io.cairn.kit.problem.Problem.Violation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every band boundary of every screener, scored exactly as published. */
class ScreenerScoringTest {

    final ScreenerCatalogue catalogue = new ScreenerCatalogue();

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({ "0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately-severe",
            "19,moderately-severe", "20,severe", "27,severe" })
    void phq9Bands(int total, String band) {
        ScreenerScore score = score(ScreenerCode.PHQ_9, spread(total, 9, 3, 8), Sex.FEMALE);
        assertEquals(total, score.score());
        assertEquals(band, score.band());
    }

    @Test
    void phq9Item9AboveZeroRaisesASafetyAlertWhateverTheTotal() {
        Map<Integer, Integer> answers = spread(0, 9, 3, 0);
        assertFalse(score(ScreenerCode.PHQ_9, answers, Sex.MALE).safetyAlert());

        answers.put(9, 1);
        ScreenerScore score = score(ScreenerCode.PHQ_9, answers, Sex.MALE);
        assertTrue(score.safetyAlert());
        assertEquals("minimal", score.band());
        assertEquals(List.of("item-9-self-harm-thoughts"), score.findings());
        assertEquals(List.of(SafetyFinding.SELF_HARM_THOUGHTS), catalogue.get(ScreenerCode.PHQ_9).safetyFindings(answers));
        assertEquals(List.of(), catalogue.get(ScreenerCode.GAD_7).safetyFindings(spread(21, 7, 3, 0)));
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({ "0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe",
            "21,severe" })
    void gad7Bands(int total, String band) {
        ScreenerScore score = score(ScreenerCode.GAD_7, spread(total, 7, 3, 0), Sex.FEMALE);
        assertEquals(total, score.score());
        assertEquals(band, score.band());
        assertFalse(score.safetyAlert());
    }

    @ParameterizedTest(name = "AUDIT total {0} is {1}")
    @CsvSource({ "0,zone-1-low-risk", "7,zone-1-low-risk", "8,zone-2-hazardous", "15,zone-2-hazardous",
            "16,zone-3-harmful", "19,zone-3-harmful", "20,zone-4-possible-dependence",
            "40,zone-4-possible-dependence" })
    void auditZones(int total, String zone) {
        Map<Integer, Integer> answers = auditAnswers(total);
        ScreenerScore score = score(ScreenerCode.AUDIT, answers, Sex.MALE);
        assertEquals(total, score.score());
        assertEquals(zone, score.band());
    }

    @Test
    void auditItems9And10ScoreZeroTwoOrFourOnly() {
        Map<Integer, Integer> answers = auditAnswers(0);
        answers.put(9, 2);
        answers.put(10, 4);
        assertEquals(6, score(ScreenerCode.AUDIT, answers, Sex.MALE).score());

        answers.put(9, 1);
        List<Violation> violations = catalogue.get(ScreenerCode.AUDIT).violations(answers, "answers");
        assertEquals(List.of(new Violation("answers.9", "AUDIT item 9 must be one of 0, 2, 4")), violations);
    }

    @ParameterizedTest(name = "AUDIT-C {0} for {1}: positive {2}")
    @CsvSource({ "3,MALE,false", "4,MALE,true", "2,FEMALE,false", "3,FEMALE,true", "3,UNKNOWN,true",
            "2,INTERSEX,false" })
    void auditCCutOffsDependOnSex(int auditC, Sex sex, boolean positive) {
        Map<Integer, Integer> answers = auditAnswers(0);
        answers.put(1, Math.min(auditC, 4));
        answers.put(2, auditC - Math.min(auditC, 4));
        ScreenerScore score = score(ScreenerCode.AUDIT, answers, sex);
        assertTrue(score.findings().contains("audit-c-score-" + auditC), score.findings()::toString);
        assertEquals(positive, score.findings().contains("audit-c-positive"));
    }

    @ParameterizedTest(name = "DAST-10 total {0} is {1}")
    @CsvSource({ "0,none", "1,low", "2,low", "3,moderate", "5,moderate", "6,substantial", "8,substantial",
            "9,severe", "10,severe" })
    void dast10Bands(int total, String band) {
        ScreenerScore score = score(ScreenerCode.DAST_10, dastAnswers(total), Sex.MALE);
        assertEquals(total, score.score());
        assertEquals(band, score.band());
    }

    @Test
    void dast10Item3IsReverseScored() {
        Map<Integer, Integer> allNo = spread(0, 10, 1, 0);
        assertEquals(1, score(ScreenerCode.DAST_10, allNo, Sex.MALE).score(), "not always able to stop counts");

        Map<Integer, Integer> onlyItem3Yes = spread(0, 10, 1, 0);
        onlyItem3Yes.put(3, 1);
        assertEquals(0, score(ScreenerCode.DAST_10, onlyItem3Yes, Sex.MALE).score());
    }

    @ParameterizedTest(name = "C-SSRS {0} is {1} risk")
    @CsvSource(delimiter = '|', value = {
            "1=0,2=0,6=0|none|false|",
            "1=1,2=0,6=0|low|false|",
            "1=0,2=1,3=0,4=0,5=0,6=0|low|false|",
            "1=1,2=1,3=1,4=0,5=0,6=0|moderate|false|",
            "1=0,2=0,6=1|moderate|false|",
            "1=1,2=1,3=1,4=1,5=0,6=0|high|true|SUICIDAL_INTENT",
            "1=1,2=1,3=0,4=0,5=1,6=0|high|true|SUICIDAL_PLAN",
            "1=1,2=1,3=1,4=1,5=1,6=2|high|true|SUICIDAL_INTENT SUICIDAL_PLAN RECENT_SUICIDAL_BEHAVIOR",
            "1=0,2=0,6=2|high|true|RECENT_SUICIDAL_BEHAVIOR" })
    void cssrsRisk(String answerList, String risk, boolean alert, String findings) {
        ScreenerScore score = score(ScreenerCode.C_SSRS, parse(answerList), Sex.FEMALE);
        assertEquals(risk, score.band());
        assertEquals(alert, score.safetyAlert());
        assertEquals(findings == null ? List.of() : Arrays.stream(findings.split(" ")).map(SafetyFinding::valueOf).toList(),
                catalogue.get(ScreenerCode.C_SSRS).safetyFindings(parse(answerList)));
    }

    @Test
    void cssrsNoOnItem2SkipsItems3To5() {
        Screener cssrs = catalogue.get(ScreenerCode.C_SSRS);
        assertEquals(List.of(), cssrs.violations(parse("1=1,2=0,6=0"), "answers"));
        assertEquals(List.of(new Violation("answers.3", "C-SSRS item 3 is skipped by an earlier answer; leave it out")),
                cssrs.violations(parse("1=1,2=0,3=1,6=0"), "answers"));
        assertEquals(List.of(new Violation("answers.3", "C-SSRS item 3 is required"),
                new Violation("answers.4", "C-SSRS item 4 is required"),
                new Violation("answers.5", "C-SSRS item 5 is required")),
                cssrs.violations(parse("1=1,2=1,6=0"), "answers"));
        assertEquals(List.of(new Violation("answers.6", "C-SSRS item 6 is required")),
                cssrs.violations(parse("1=0,2=0"), "answers"));
    }

    @Test
    void incompleteOrOutOfRangeAnswersNameTheItem() {
        Map<Integer, Integer> answers = spread(0, 9, 3, 0);
        answers.remove(4);
        answers.put(7, 4);
        answers.put(12, 1);
        assertEquals(List.of(new Violation("answers.4", "PHQ-9 item 4 is required"),
                new Violation("answers.7", "PHQ-9 item 7 must be one of 0, 1, 2, 3"),
                new Violation("answers.12", "PHQ-9 has no item 12")),
                catalogue.get(ScreenerCode.PHQ_9).violations(answers, "answers"));
    }

    private ScreenerScore score(ScreenerCode code, Map<Integer, Integer> answers, Sex sex) {
        Screener screener = catalogue.get(code);
        assertEquals(List.of(), screener.violations(answers, "answers"), "valid answers");
        return screener.score(answers, sex);
    }

    /** Answers for {@code items} items adding up to {@code total}, filled from the first item, item {@code last} 0. */
    private static Map<Integer, Integer> spread(int total, int items, int max, int keepZero) {
        Map<Integer, Integer> answers = new HashMap<>();
        int left = total;
        for (int item = 1; item <= items; item++) {
            int answer = item == keepZero ? 0 : Math.min(max, left);
            answers.put(item, answer);
            left -= answer;
        }
        if (left > 0) {
            answers.put(keepZero, left);
        }
        return answers;
    }

    /** AUDIT answers adding up to {@code total}: items 1–8 first, then 9 and 10 in steps of 2. */
    private static Map<Integer, Integer> auditAnswers(int total) {
        Map<Integer, Integer> answers = spread(Math.min(total, 32), 8, 4, 0);
        int rest = total - Math.min(total, 32);
        answers.put(9, Math.min(rest, 4));
        answers.put(10, rest - Math.min(rest, 4));
        return answers;
    }

    /** DAST-10 answers scoring {@code total}: item 3 answered yes (scores 0) unless all ten must count. */
    private static Map<Integer, Integer> dastAnswers(int total) {
        Map<Integer, Integer> answers = spread(0, 10, 1, 0);
        answers.put(3, total == 10 ? 0 : 1);
        int counted = total == 10 ? 1 : 0;
        for (int item = 1; item <= 10 && counted < total; item++) {
            if (item != 3) {
                answers.put(item, 1);
                counted++;
            }
        }
        return answers;
    }

    private static Map<Integer, Integer> parse(String answers) {
        Map<Integer, Integer> parsed = new HashMap<>();
        for (String pair : answers.split(",")) {
            String[] parts = pair.split("=");
            parsed.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        return parsed;
    }
}
