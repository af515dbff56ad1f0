package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a plan problem is about; drafted from the assessment, or added by the clinician. */
public enum ProblemKind {
    @JsonProperty("alcohol-use")
    ALCOHOL_USE,
    @JsonProperty("drug-use")
    DRUG_USE,
    @JsonProperty("depression")
    DEPRESSION,
    @JsonProperty("anxiety")
    ANXIETY,
    @JsonProperty("family-conflict")
    FAMILY_CONFLICT,
    @JsonProperty("safety")
    SAFETY,
    @JsonProperty("other")
    OTHER
}
