package io.cairn.screeners;

import java.util.List;

/**
 * A scored screener.
 *
 * @param band the published severity band or risk zone the total falls in, e.g. {@code moderately-severe}
 * @param safetyAlert a clinician must be told at once (PHQ-9 item 9 above 0, C-SSRS high risk)
 * @param findings further published results, e.g. {@code audit-c-positive}
 */
public record ScreenerScore(ScreenerCode screener, int score, String band, boolean safetyAlert, List<String> findings) {
}
