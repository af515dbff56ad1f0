package io.cairn.scheduling.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a group session is for. */
public enum GroupType {
    @JsonProperty("process-group")
    PROCESS_GROUP,
    @JsonProperty("psychoeducation")
    PSYCHOEDUCATION,
    @JsonProperty("cbt-skills")
    CBT_SKILLS,
    @JsonProperty("dbt-skills")
    DBT_SKILLS,
    @JsonProperty("relapse-prevention")
    RELAPSE_PREVENTION,
    @JsonProperty("family-group")
    FAMILY_GROUP
}
