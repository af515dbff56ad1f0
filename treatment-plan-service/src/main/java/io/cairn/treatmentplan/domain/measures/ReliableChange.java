package io.cairn.treatmentplan.domain.measures;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    static final Map<String, Integer> THRESHOLDS = Map.of("PHQ-9", 5, "GAD-7", 4);

    /** The verdict on a change of score, or {@code null} for an instrument without a threshold. */
    static ReliableChange of(String instrument, int change) {
        Integer threshold = THRESHOLDS.get(instrument);
        if (threshold == null) {
            return null;
        }
        return change >= threshold ? WORSE : change <= -threshold ? IMPROVED : UNCHANGED;
    }
}
