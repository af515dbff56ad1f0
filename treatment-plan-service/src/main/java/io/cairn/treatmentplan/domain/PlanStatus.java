package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PlanStatus {
    /** Drafted from the assessment; the clinician edits it and the patient acknowledges it. */
    @JsonProperty("draft")
    DRAFT,
    /** Approved and in effect: the patient attends the program. */
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("graduated")
    GRADUATED,
    @JsonProperty("discharged")
    DISCHARGED;

    public boolean isClosed() {
        return this == GRADUATED || this == DISCHARGED;
    }
}
