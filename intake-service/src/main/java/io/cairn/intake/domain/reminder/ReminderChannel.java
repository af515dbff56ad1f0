package io.cairn.intake.domain.reminder;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a patient is reminded: by e-mail, by the mobile app's push service, or not at all. */
public enum ReminderChannel {
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("push")
    PUSH,
    @JsonProperty("none")
    NONE
}
