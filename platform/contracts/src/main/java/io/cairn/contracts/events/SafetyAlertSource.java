package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What was being recorded when a safety finding showed. */
public enum SafetyAlertSource {
    /** An intake assessment, saved or completed. */
    @JsonProperty("assessment")
    ASSESSMENT,
    /** An aftercare check-in, recorded by the case manager or by the patient. */
    @JsonProperty("check-in")
    CHECK_IN,
    /** A re-screen during the program, answered by the patient or given by a clinician in session. */
    @JsonProperty("re-screen")
    RE_SCREEN
}
