package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why scheduling flags a plan for review. */
public enum EngagementRisk {
    @JsonProperty("missed-sessions")
    MISSED_SESSIONS,
    @JsonProperty("below-weekly-minimum")
    BELOW_WEEKLY_MINIMUM
}
