package io.cairn.billing.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ChargeStatus {
    /** To be claimed. */
    @JsonProperty("open")
    OPEN,
    /** Not to be claimed: its day fell below the payer's minimum, or its coverage no longer covers it. */
    @JsonProperty("void")
    VOID
}
