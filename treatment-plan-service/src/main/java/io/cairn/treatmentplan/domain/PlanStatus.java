package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a plan stands in its episode: drafted and awaiting the patient's acknowledgment, awaiting a clinician's
 * approval, active, then graduated or discharged.
 */
public enum PlanStatus {
    /** Drafted from the assessment, or edited since it was acknowledged: awaits the patient's acknowledgment. */
    @JsonProperty("draft")
    DRAFT,
    /** The patient acknowledged this version: awaits a clinician's approval. */
    @JsonProperty("awaiting-approval")
    AWAITING_APPROVAL,
    /** Approved and in effect: the patient attends the program. */
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("graduated")
    GRADUATED,
    @JsonProperty("discharged")
    DISCHARGED;

    public boolean isClosed() {
        return this == GRADUATED || this == DISCHARGED;
    }

    /** The moves the episode allows; an edit of an acknowledged draft sends it back for acknowledgment. */
    public boolean canMoveTo(PlanStatus next) {
        return switch (this) {
            case DRAFT -> next == AWAITING_APPROVAL || next == DISCHARGED;
            case AWAITING_APPROVAL -> next == DRAFT || next == ACTIVE || next == DISCHARGED;
            case ACTIVE -> next == GRADUATED || next == DISCHARGED;
            case GRADUATED, DISCHARGED -> false;
        };
    }

    String code() {
        return name().toLowerCase().replace('_', ' ');
    }
}
