package io.cairn.screeners;

import java.util.List;
import java.util.Map;

/** GAD-7 (anxiety): 7 items 0–3, total 0–21, cut points 5, 10 and 15. */
public final class Gad7 extends Screener {

    public Gad7() {
        super(ScreenerCode.GAD_7, "Generalized Anxiety Disorder-7",
                "Over the last 2 weeks, how often have you been bothered by the following problems?",
                items(Phq9.FREQUENCY,
                        "Feeling nervous, anxious, or on edge",
                        "Not being able to stop or control worrying",
                        "Worrying too much about different things",
                        "Trouble relaxing",
                        "Being so restless that it is hard to sit still",
                        "Becoming easily annoyed or irritable",
                        "Feeling afraid, as if something awful might happen"));
    }

    @Override
    public ScreenerScore score(Map<Integer, Integer> answers, Sex sex) {
        int total = sum(answers);
        String band = total <= 4 ? "minimal" : total <= 9 ? "mild" : total <= 14 ? "moderate" : "severe";
        return new ScreenerScore(code(), total, band, false, List.of());
    }
}
