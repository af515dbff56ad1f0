package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the patient attended a session: in the room, or by telehealth (the session's video link). */
public enum AttendanceMode {
    @JsonProperty("in-person")
    IN_PERSON,
    @JsonProperty("telehealth")
    TELEHEALTH
}
