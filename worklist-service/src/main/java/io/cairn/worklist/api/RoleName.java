package io.cairn.worklist.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.contracts.Roles;

/** The staff roles a task can be for, as a query parameter. */
public enum RoleName {
    @JsonProperty(Roles.CLINICIAN)
    CLINICIAN(Roles.CLINICIAN),
    @JsonProperty(Roles.CASE_MANAGER)
    CASE_MANAGER(Roles.CASE_MANAGER),
    @JsonProperty(Roles.INTAKE_COORDINATOR)
    INTAKE_COORDINATOR(Roles.INTAKE_COORDINATOR),
    @JsonProperty(Roles.SCHEDULER)
    SCHEDULER(Roles.SCHEDULER),
    @JsonProperty(Roles.PROGRAM_DIRECTOR)
    PROGRAM_DIRECTOR(Roles.PROGRAM_DIRECTOR);

    private final String role;

    RoleName(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
