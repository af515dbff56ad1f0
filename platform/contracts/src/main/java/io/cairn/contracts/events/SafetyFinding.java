package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A screener answer that must reach a clinician at once, named by its screener and item. The answer itself never
 * travels: the finding says all a responder needs before opening the record.
 */
public enum SafetyFinding {
    /** PHQ-9 item 9 above 0: thoughts of being better off dead, or of self-harm. */
    @JsonProperty("self-harm-thoughts")
    SELF_HARM_THOUGHTS("PHQ-9", 9),
    /** C-SSRS item 4: suicidal thoughts with some intention of acting on them (high risk). */
    @JsonProperty("suicidal-intent")
    SUICIDAL_INTENT("C-SSRS", 4),
    /** C-SSRS item 5: a worked-out plan and intent to carry it out (high risk). */
    @JsonProperty("suicidal-plan")
    SUICIDAL_PLAN("C-SSRS", 5),
    /** C-SSRS item 6: suicidal behavior within the past 3 months (high risk). */
    @JsonProperty("suicidal-behavior-within-3-months")
    RECENT_SUICIDAL_BEHAVIOR("C-SSRS", 6);

    private final String screener;
    private final int item;

    SafetyFinding(String screener, int item) {
        this.screener = screener;
        this.item = item;
    }

    /** The screener's label, as in {@link ScreenerResult#screener()}. */
    public String screener() {
        return screener;
    }

    public int item() {
        return item;
    }
}
