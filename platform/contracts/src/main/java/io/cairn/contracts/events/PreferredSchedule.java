package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The track a patient can fit around work, school and family. */
public enum PreferredSchedule {
    @JsonProperty("morning")
    MORNING,
    @JsonProperty("evening")
    EVENING,
    @JsonProperty("weekend")
    WEEKEND
}
