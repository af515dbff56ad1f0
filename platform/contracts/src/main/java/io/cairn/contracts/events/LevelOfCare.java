package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a person belongs on the ASAM continuum; the IOP itself is 2.1. */
public enum LevelOfCare {
    @JsonProperty("1")
    OUTPATIENT,
    @JsonProperty("2.1")
    INTENSIVE_OUTPATIENT,
    @JsonProperty("2.5")
    PARTIAL_HOSPITALIZATION,
    @JsonProperty("3")
    RESIDENTIAL,
    @JsonProperty("4")
    INPATIENT
}
