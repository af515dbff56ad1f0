package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The categories of records a Part 2 consent may release; each service discloses only the categories it holds. */
public enum RecordCategory {
    @JsonProperty("demographics")
    DEMOGRAPHICS,
    @JsonProperty("assessments")
    ASSESSMENTS,
    @JsonProperty("treatment-plans")
    TREATMENT_PLANS,
    @JsonProperty("attendance")
    ATTENDANCE,
    @JsonProperty("aftercare")
    AFTERCARE
}
