package io.cairn.treatmentplan.domain.measures;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.screeners.ScreenerCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Whether a change of score is larger than the instrument's measurement error: 5 points on the PHQ-9 and 4 on the GAD-7
 * (their published reliable-change thresholds). Higher scores are worse on every instrument measured. An instrument
 * without a published threshold (AUDIT, DAST-10, C-SSRS) has no verdict.
 */
public enum ReliableChange {
    @JsonProperty("improved")
    IMPROVED,
    @JsonProperty("unchanged")
    UNCHANGED,
    @JsonProperty("worse")
    WORSE;

    /** The instruments with a threshold, in the catalogue's order. */
    static final Map<ScreenerCode, Integer> THRESHOLDS = new EnumMap<>(Map.of(ScreenerCode.PHQ_9, 5,
            ScreenerCode.GAD_7, 4));

    /** The verdict on a change of score, or {@code null} for an instrument without a threshold. */
    static ReliableChange of(String instrument, int change) {
        Integer threshold = ScreenerCode.ofLabel(instrument).map(THRESHOLDS::get).orElse(null);
        if (threshold == null) {
            return null;
        }
        return change >= threshold ? WORSE : change <= -threshold ? IMPROVED : UNCHANGED;
    }
}
