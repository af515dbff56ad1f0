package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who asked for the admission. */
public enum ReferralSource {
    @JsonProperty("self")
    SELF,
    @JsonProperty("family")
    FAMILY,
    @JsonProperty("physician")
    PHYSICIAN,
    @JsonProperty("ehr")
    EHR,
    @JsonProperty("hospital-step-down")
    HOSPITAL_STEP_DOWN,
    @JsonProperty("court")
    COURT,
    @JsonProperty("employer")
    EMPLOYER,
    /** A relapse reported in aftercare: readmission. */
    @JsonProperty("aftercare-relapse")
    AFTERCARE_RELAPSE
}
