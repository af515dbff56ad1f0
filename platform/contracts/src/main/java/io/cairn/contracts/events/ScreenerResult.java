package io.cairn.contracts.events;

/**
 * One scored screener of an assessment.
 *
 * @param screener catalogue code: {@code PHQ-9}, {@code GAD-7}, {@code AUDIT}, {@code AUDIT-C}, {@code DAST-10},
 *        {@code C-SSRS}
 * @param score total score
 * @param severity the band the score falls in, e.g. {@code moderate}
 */
public record ScreenerResult(String screener, int score, String severity) {
}
