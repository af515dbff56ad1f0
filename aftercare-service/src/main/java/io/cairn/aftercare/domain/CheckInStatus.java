package io.cairn.aftercare.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CheckInStatus {
    @JsonProperty("scheduled")
    SCHEDULED,
    @JsonProperty("completed")
    COMPLETED,
    /** Not done by the end of its window. */
    @JsonProperty("missed")
    MISSED
}
