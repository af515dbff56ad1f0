package io.cairn.screeners;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sex recorded for screening cut-offs (AUDIT-C); {@code unknown} gets the more cautious cut-off. */
public enum Sex {
    @JsonProperty("female")
    FEMALE,
    @JsonProperty("male")
    MALE,
    @JsonProperty("intersex")
    INTERSEX,
    @JsonProperty("unknown")
    UNKNOWN
}
