package io.cairn.intake.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Urgency {
    @JsonProperty("routine")
    ROUTINE,
    /** Seen first: readmissions after a relapse, hospital step-downs that cannot wait. */
    @JsonProperty("urgent")
    URGENT
}
