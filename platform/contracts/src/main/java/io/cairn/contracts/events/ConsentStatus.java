package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * State of a 42 CFR Part 2 consent naming one recipient. Expiry is not a state: it follows from the consent's dates.
 */
public enum ConsentStatus {
    @JsonProperty("active")
    ACTIVE,
    /** Revoked by the patient: no disclosure from then on (earlier disclosures stand). */
    @JsonProperty("revoked")
    REVOKED
}
