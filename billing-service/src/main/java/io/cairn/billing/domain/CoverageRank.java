package io.cairn.billing.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which payer is billed first: the primary; the secondary is billed for what the primary left. */
public enum CoverageRank {
    @JsonProperty("primary")
    PRIMARY,
    @JsonProperty("secondary")
    SECONDARY
}
