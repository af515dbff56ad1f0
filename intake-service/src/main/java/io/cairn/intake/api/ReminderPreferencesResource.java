package io.cairn.intake.api;

import io.cairn.contracts.Roles;
import io.cairn.intake.domain.reminder.ReminderPreferences;
import io.cairn.kit.api.ApiPaths;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/patients/{patientId}/reminder-preferences")
@Tag(name = "Reminders", description = "How a patient is reminded of their sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReminderPreferencesResource {

    private final ReminderPreferences preferences;

    ReminderPreferencesResource(ReminderPreferences preferences) {
        this.preferences = preferences;
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.PATIENT })
    @Operation(operationId = "getReminderPreferences", summary = "Read how a patient is reminded", description = "The channel (email, push or none), the quiet hours and the time zone reminders are sent by: the patient's own choice, or the clinic's defaults until they make one. A patient reads only their own; any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The patient's reminder preferences")
    public ReminderPreferencesView get(@PathParam("patientId") UUID patientId) {
        return ReminderPreferencesView.of(preferences.get(patientId));
    }

    @PUT
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CASE_MANAGER, Roles.PATIENT })
    @Operation(operationId = "setReminderPreferences", summary = "Choose how a patient is reminded", description = "Before each booked session a reminder goes out by the chosen channel, outside the quiet hours, and none after the episode ends. Reminders carry no health information. The patient sets their own (from the app); intake coordinators and case managers set them with the patient. Once the patient has preferences of their own, send the version you last read.")
    @APIResponse(responseCode = "200", description = "The patient's reminder preferences")
    @APIResponse(responseCode = "400", description = "An unknown time zone, an empty quiet window, e-mail without an "
            + "address on file, or push without the clinic's push service")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version")
    public ReminderPreferencesView set(@PathParam("patientId") UUID patientId,
            @Valid @NotNull ReminderPreferencesRequest request) {
        return ReminderPreferencesView.of(preferences.set(patientId, request));
    }
}
