package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ObjectiveStatus {
    @JsonProperty("not-started")
    NOT_STARTED,
    @JsonProperty("progressing")
    PROGRESSING,
    @JsonProperty("met")
    MET,
    /** Replaced by a revised objective at a review. */
    @JsonProperty("revised")
    REVISED
}
