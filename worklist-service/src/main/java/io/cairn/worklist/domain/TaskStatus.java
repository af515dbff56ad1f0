package io.cairn.worklist.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

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

    /** The statuses of work still to do: what the worklist lists unless asked otherwise. */
    public static Set<TaskStatus> stillOpen() {
        return EnumSet.of(OPEN, CLAIMED);
    }

    public boolean isClosed() {
        return this == COMPLETED || this == RESOLVED;
    }
}
