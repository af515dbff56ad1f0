package io.cairn.scheduling.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.kit.api.ListWindow;
import io.cairn.scheduling.domain.Sessions;
import io.cairn.scheduling.domain.Track;
import io.cairn.scheduling.domain.Tracks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/tracks")
@Tag(name = "Tracks", description = "Recurring morning, evening and weekend schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrackResource {

    private final Tracks tracks;
    private final Sessions sessions;

    TrackResource(Tracks tracks, Sessions sessions) {
        this.tracks = tracks;
        this.sessions = sessions;
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(operationId = "createTrack", summary = "Create a track", description = "For schedulers. Each block must end after it starts, and activeUntil, when given, not be "
            + "before activeFrom; without it the track is open-ended. No sessions are planned yet: generateTrackSessions "
            + "does that.")
    @APIResponse(responseCode = "201", description = "Created; weeklyHours is what its blocks add up to", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackView.class)))
    public RestResponse<TrackView> create(@Valid @NotNull TrackRequest request) {
        Track track = new Track();
        track.name = request.name().strip();
        track.scheduleType = request.scheduleType();
        track.ageGroup = request.ageGroup();
        track.blocks = request.blocks();
        track.capacity = request.capacity();
        track.facilitatorId = request.facilitatorId();
        track.location = request.location();
        track.telehealthUrl = request.telehealthUrl();
        track.activeFrom = request.activeFrom();
        track.activeUntil = request.activeUntil();
        Track created = tracks.create(track);
        return Created.at("tracks/" + created.id, TrackView.of(created));
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listTracks", summary = "Every track, by name", description = "Active or not, each with the weekly hours its blocks add up to. For schedulers, clinicians and "
            + "the program director.")
    @APIResponse(responseCode = "200", description = "The tracks")
    public RestResponse<List<TrackView>> list(@QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        return ListWindow.of(tracks.all().stream().map(TrackView::of).toList(), page, size, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getTrack", summary = "Read a track", description = "The track with its weekly blocks and the hours they add up to. For schedulers, clinicians and "
            + "the program director.")
    @APIResponse(responseCode = "200", description = "The track")
    public TrackView get(@PathParam("id") UUID id) {
        return TrackView.of(tracks.get(id));
    }

    @POST
    @Path("/{id}/sessions")
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(operationId = "generateTrackSessions", summary = "Generate the track's sessions for a date range", description = "One group session per block per week; existing ones are kept. The track's enrolled "
            + "patients are booked into the new sessions.")
    @APIResponse(responseCode = "200", description = "The sessions created")
    @APIResponse(responseCode = "409", description = "The facilitator already leads a session at one of the times")
    public List<SessionView> generate(@PathParam("id") UUID id, @Valid @NotNull GenerateSessionsRequest request) {
        return sessions.generate(id, request.from(), request.to()).stream().map(SessionView::of).toList();
    }
}
