package io.cairn.worklist.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a task is: open for anyone in its role, claimed by one person, or closed. */
public enum TaskStatus {
    @JsonProperty("open")
    OPEN,
    @JsonProperty("claimed")
    CLAIMED,
    /** Closed by a person, with an outcome. */
    @JsonProperty("completed")
    COMPLETED,
    /** Closed by itself: the work was done where it lives (plan approved, review written, check-in recorded). */
    @JsonProperty("resolved")
    RESOLVED;

    public boolean isClosed() {
        return this == COMPLETED || this == RESOLVED;
    }
}
