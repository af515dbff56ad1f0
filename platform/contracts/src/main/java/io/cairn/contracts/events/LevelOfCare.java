package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a person belongs on the ASAM continuum; the IOP itself is 2.1. An immediate safety referral is not a level
 * but the answer when suicide risk comes before any level.
 */
public enum LevelOfCare {
    @JsonProperty("1")
    OUTPATIENT,
    @JsonProperty("2.1")
    INTENSIVE_OUTPATIENT,
    @JsonProperty("2.5")
    PARTIAL_HOSPITALIZATION,
    @JsonProperty("3.x")
    RESIDENTIAL,
    @JsonProperty("4")
    INPATIENT,
    @JsonProperty("immediate-safety-referral")
    IMMEDIATE_SAFETY_REFERRAL
}
