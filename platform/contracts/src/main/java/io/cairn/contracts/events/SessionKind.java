package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SessionKind {
    @JsonProperty("group")
    GROUP,
    @JsonProperty("individual")
    INDIVIDUAL,
    @JsonProperty("family")
    FAMILY
}
