package io.cairn.scheduling.api;

import jakarta.ws.rs.core.HttpHeaders;

import jakarta.ws.rs.HeaderParam;

import io.cairn.kit.api.Versions;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.kit.api.ListWindow;
import io.cairn.scheduling.domain.GroupNotes;
import io.cairn.scheduling.domain.Session;
import io.cairn.scheduling.domain.Sessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/sessions")
@Tag(name = "Sessions", description = "Group, individual and family sessions, their bookings and group notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final Sessions sessions;
    private final GroupNotes notes;
    private final ClinicCalendar calendar;

    SessionResource(Sessions sessions, GroupNotes notes, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.sessions = sessions;
        this.notes = notes;
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(operationId = "createSession", summary = "Plan one session, booking its patients", description = "For schedulers. groupType is required for a group session and only for one. The facilitator "
            + "must be free at that time, and each patient listed is booked as bookSession books; all or nothing.")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The facilitator or a patient is already booked then, or it "
            + "is over capacity")
    public RestResponse<SessionView> create(@Valid @NotNull SessionRequest request) {
        Session session = sessions.create(new Sessions.NewSession(request.kind(), request.groupType(),
                request.title().strip(), request.facilitatorId(), request.capacity(), request.location(),
                request.telehealthUrl(), request.startsAt().toInstant(), request.endsAt().toInstant()),
                request.patientIds() == null ? List.of() : request.patientIds());
        return Created.at("sessions/" + session.id, SessionView.of(session));
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listSessions", summary = "Sessions starting in a date range (clinic dates)", description = "Sessions starting on the clinic dates from through to, both included, optionally only one "
            + "track's, each with its booked places. For schedulers, clinicians and the program director.")
    @APIResponse(responseCode = "200", description = "The sessions, earliest first")
    public RestResponse<List<SessionView>> list(@QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @QueryParam("trackId") UUID trackId,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size,
            @Context UriInfo uri) {
        return ListWindow.of(sessions.between(calendar.startOf(from),
                calendar.startOf(to.plusDays(1)), trackId, ListWindow.window(page, size))
                .map(b -> SessionView.of(b.session(), b.places())), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getSession", summary = "Read a session", description = "The session with its booked places. For schedulers, clinicians and the program director.")
    @APIResponse(responseCode = "200", description = "The session")
    public SessionView get(@PathParam("id") UUID id) {
        return SessionView.of(sessions.find(id));
    }

    @POST
    @Path("/{id}/bookings")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(operationId = "bookSession", summary = "Book a patient into a session", description = "For schedulers. The session must have a free place and the patient no other booking at an "
            + "overlapping time; answers the session with its booked places.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The session is full, or the patient is already booked then, in "
            + "this session or another")
    public RestResponse<SessionView> book(@PathParam("id") UUID id, @Valid @NotNull BookingRequest request) {
        sessions.book(id, request.patientId());
        return Created.at("sessions/" + id, SessionView.of(sessions.find(id)));
    }

    @PUT
    @Path("/{id}/note")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "writeGroupNote", summary = "Write the group note: a shared part and one per attendee", description = "For clinicians, on group sessions only. Replaces the note and all its parts; each part is for "
            + "a patient booked in the session or with attendance recorded there, and is never shown to another member. "
            + "Send the ETag you read in If-Match: 412 when the note changed since, so that your copy does not remove "
            + "a part another clinician wrote meanwhile.")
    @APIResponse(responseCode = "200", description = "The note as written; its ETag is the new version")
    @APIResponse(responseCode = "409", description = "Written by someone else at the same moment; read it and retry")
    @APIResponse(responseCode = "412", description = "If-Match is not the note's current version")
    public RestResponse<GroupNoteView> writeNote(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull GroupNoteRequest request) {
        Map<UUID, String> parts = new LinkedHashMap<>();
        if (request.parts() != null) {
            request.parts().forEach(p -> parts.put(p.patientId(), p.text()));
        }
        GroupNotes.Note note = notes.write(id, Versions.ifMatch(ifMatch, "note"), request.topic(), request.content(),
                parts);
        return RestResponse.ResponseBuilder.ok(GroupNoteView.of(note)).tag(Versions.etag(note.version())).build();
    }

    @GET
    @Path("/{id}/note")
    @RolesAllowed({ Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT, Roles.EHR_INTEGRATION })
    @Operation(operationId = "readGroupNote", summary = "Read the group note as the caller may see it", description = "A patient gets the shared part and only their own part; an EHR client only the parts of "
            + "patients whose consent names it for treatment plans (a group note is a clinical note, not attendance), "
            + "and the shared part with them. The ETag is the note's version: send it in If-Match to write.")
    @APIResponse(responseCode = "200", description = "The note")
    public RestResponse<GroupNoteView> readNote(@PathParam("id") UUID id) {
        GroupNotes.Note note = notes.read(id);
        return RestResponse.ResponseBuilder.ok(GroupNoteView.of(note)).tag(Versions.etag(note.version())).build();
    }
}
