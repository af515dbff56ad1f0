package io.cairn.worklist.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What needs doing. */
public enum TaskKind {
    /** A screener showed a safety finding: reach the patient now. */
    @JsonProperty("safety-alert")
    SAFETY_ALERT,
    /** A drafted plan waits for the clinician's approval. */
    @JsonProperty("plan-approval")
    PLAN_APPROVAL,
    /** An active plan's periodic review is due. */
    @JsonProperty("plan-review")
    PLAN_REVIEW,
    /** Missed sessions or hours under the weekly minimum. */
    @JsonProperty("engagement")
    ENGAGEMENT,
    /** A re-screen during the program scored reliably worse than its series began. */
    @JsonProperty("measure-worsened")
    MEASURE_WORSENED,
    /** An aftercare check-in's window is open. */
    @JsonProperty("check-in-due")
    CHECK_IN_DUE,
    /** An urgent referral, such as a readmission after relapse. */
    @JsonProperty("urgent-referral")
    URGENT_REFERRAL,
    /** An urgent task nobody claimed in time, for the program director. */
    @JsonProperty("escalation")
    ESCALATION
}
