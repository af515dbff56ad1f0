package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the program does about a problem. */
public enum Intervention {
    @JsonProperty("cbt")
    CBT,
    @JsonProperty("dbt-skills")
    DBT_SKILLS,
    @JsonProperty("motivational-interviewing")
    MOTIVATIONAL_INTERVIEWING,
    @JsonProperty("family-therapy")
    FAMILY_THERAPY,
    @JsonProperty("mbsr")
    MBSR,
    @JsonProperty("twelve-step-facilitation")
    TWELVE_STEP_FACILITATION,
    @JsonProperty("mat-evaluation")
    MAT_EVALUATION,
    @JsonProperty("psychoeducation")
    PSYCHOEDUCATION,
    @JsonProperty("relapse-prevention")
    RELAPSE_PREVENTION,
    @JsonProperty("life-skills")
    LIFE_SKILLS,
    @JsonProperty("safety-planning")
    SAFETY_PLANNING
}
