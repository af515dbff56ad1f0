package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Adults need at least 9 IOP hours a week, adolescents at least 6. */
public enum Population {
    @JsonProperty("adult")
    ADULT,
    @JsonProperty("adolescent")
    ADOLESCENT
}
