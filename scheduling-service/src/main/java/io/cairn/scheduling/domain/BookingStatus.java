package io.cairn.scheduling.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum BookingStatus {
    @JsonProperty("booked")
    BOOKED,
    /** Given up: the episode ended, or the booking was cancelled. */
    @JsonProperty("released")
    RELEASED
}
