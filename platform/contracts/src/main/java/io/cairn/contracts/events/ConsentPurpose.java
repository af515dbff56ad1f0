package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why the records may be disclosed, as the written consent states it. */
public enum ConsentPurpose {
    @JsonProperty("treatment")
    TREATMENT,
    @JsonProperty("care-coordination")
    CARE_COORDINATION,
    @JsonProperty("payment")
    PAYMENT,
    @JsonProperty("health-care-operations")
    HEALTH_CARE_OPERATIONS
}
