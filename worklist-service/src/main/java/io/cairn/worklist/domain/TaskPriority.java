package io.cairn.worklist.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How soon: urgent tasks are due at once, escalate when nobody claims them, and page the on-call address. */
public enum TaskPriority {
    @JsonProperty("urgent")
    URGENT,
    @JsonProperty("high")
    HIGH,
    @JsonProperty("routine")
    ROUTINE
}
