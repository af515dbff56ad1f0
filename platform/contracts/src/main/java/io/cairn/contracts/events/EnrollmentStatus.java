package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum EnrollmentStatus {
    @JsonProperty("enrolled")
    ENROLLED,
    @JsonProperty("waitlisted")
    WAITLISTED
}
