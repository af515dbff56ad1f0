package io.cairn.billing.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ChargeStatus {
    /** To be claimed. */
    @JsonProperty("open")
    OPEN,
    /** Not to be claimed: its day fell below the payer's minimum, or its coverage no longer covers it. */
    @JsonProperty("void")
    VOID,
    /** On a claim: a later correction of its day needs a corrected claim, and leaves it as it is. */
    @JsonProperty("claimed")
    CLAIMED
}
