package io.cairn.intake.domain.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AssessmentStatus {
    @JsonProperty("in-progress")
    IN_PROGRESS,
    /** Frozen: the plan is drafted from it, so it no longer changes. */
    @JsonProperty("completed")
    COMPLETED
}
