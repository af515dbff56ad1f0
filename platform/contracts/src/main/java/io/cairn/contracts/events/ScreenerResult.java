package io.cairn.contracts.events;

import java.util.List;

/**
 * One scored screener of an assessment.
 *
 * @param screener catalogue code: {@code PHQ-9}, {@code GAD-7}, {@code AUDIT}, {@code DAST-10}, {@code C-SSRS}
 * @param score total score as published
 * @param band the severity band or risk zone the score falls in, e.g. {@code moderately-severe}
 * @param safetyAlert PHQ-9 item 9 above 0, or C-SSRS high risk
 * @param findings further published results, e.g. {@code audit-c-positive}
 */
public record ScreenerResult(String screener, int score, String band, boolean safetyAlert, List<String> findings) {
}
