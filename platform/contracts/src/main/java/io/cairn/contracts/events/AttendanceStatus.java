package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AttendanceStatus {
    @JsonProperty("present")
    PRESENT,
    @JsonProperty("late")
    LATE,
    @JsonProperty("left-early")
    LEFT_EARLY,
    @JsonProperty("absent")
    ABSENT,
    @JsonProperty("excused")
    EXCUSED
}
