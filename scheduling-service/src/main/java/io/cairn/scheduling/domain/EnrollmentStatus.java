package io.cairn.scheduling.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum EnrollmentStatus {
    @JsonProperty("enrolled")
    ENROLLED,
    /** No track fits yet: listed for schedulers with the reason. */
    @JsonProperty("waitlisted")
    WAITLISTED,
    /** The episode ended (graduation or discharge): future bookings released. */
    @JsonProperty("ended")
    ENDED
}
