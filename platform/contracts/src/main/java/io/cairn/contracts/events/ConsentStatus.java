package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** State of a 42 CFR Part 2 consent naming one recipient. */
public enum ConsentStatus {
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("revoked")
    REVOKED,
    @JsonProperty("expired")
    EXPIRED
}
