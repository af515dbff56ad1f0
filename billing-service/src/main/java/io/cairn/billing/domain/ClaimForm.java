package io.cairn.billing.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The claim a payer takes for a day of the program: the professional 837P or the institutional 837I. */
public enum ClaimForm {
    @JsonProperty("professional")
    PROFESSIONAL,
    @JsonProperty("institutional")
    INSTITUTIONAL
}
