package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.ScreenerResult;
import io.cairn.screeners.ScreenerCode;
import io.cairn.screeners.ScreenerScore;
import java.util.List;
import java.util.Map;

/** A screener's answers with the score the service gave them. */
public record ScoredScreener(ScreenerCode screener, Map<Integer, Integer> answers, int score, String band,
        boolean safetyAlert, List<String> findings) {

    public static ScoredScreener of(ScreenerResponse response, ScreenerScore score) {
        return new ScoredScreener(response.screener(), Map.copyOf(response.answers()), score.score(), score.band(),
                score.safetyAlert(), score.findings());
    }

    public ScreenerResult toEvent() {
        return new ScreenerResult(screener.label(), score, band, safetyAlert, findings);
    }
}
