package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Endings other than graduation. */
public enum DischargeReason {
    @JsonProperty("against-medical-advice")
    AGAINST_MEDICAL_ADVICE,
    @JsonProperty("transfer-higher-level-of-care")
    TRANSFER_HIGHER_LEVEL_OF_CARE,
    @JsonProperty("administrative")
    ADMINISTRATIVE,
    @JsonProperty("moved")
    MOVED
}
