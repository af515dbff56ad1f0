package io.cairn.intake.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.intake.domain.Referral;
import io.cairn.intake.domain.ReferralStatus;
import io.cairn.intake.domain.ReferralTransition;
import io.cairn.intake.domain.Referrals;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/referrals")
@Tag(name = "Referrals", description = "Requests to admit someone, and where each stands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final Referrals referrals;

    ReferralResource(Referrals referrals) {
        this.referrals = referrals;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.EHR_INTEGRATION })
    @Operation(operationId = "receiveReferral", summary = "Receive a referral", description = "Publishes intake.referral.received. An EHR client refers only a patient it knows by its own "
            + "identifier system (it registered them) or whose Part 2 consent for demographics names it; any other is "
            + "answered 404, as a patient that does not exist.")
    @APIResponse(responseCode = "201", description = "Received; Location names the new referral", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public RestResponse<ReferralView> receive(@Valid @NotNull ReferralRequest request) {
        Referral referral = referrals.receive(request);
        return Created.at("referrals/" + referral.id, view(referral));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listReferrals", summary = "List referrals, newest first", description = "Patients and EHR clients must name the patient.")
    @APIResponse(responseCode = "200", description = "One window of referrals")
    @APIResponse(responseCode = "404", description = "No such patient, or not one the caller may see")
    public RestResponse<List<ReferralView>> list(@QueryParam("patientId") UUID patientId,
            @QueryParam("status") ReferralStatus status,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        PageOf<Referral> listed = referrals.list(patientId, status, ListWindow.window(page, size));
        return ListWindow.of(new PageOf<>(views(listed.items()), listed.page(), listed.size(), listed.total()), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getReferral", summary = "Read a referral with its pipeline history", description = "The referral with each step of its pipeline, oldest first: who moved it, when, and with what note. Staff read any; a patient only their own; an EHR client only while a Part 2 consent for demographics names it, and each such read is a disclosure. Any other referral is answered 404.")
    @APIResponse(responseCode = "200", description = "The referral")
    public ReferralView get(@PathParam("id") UUID id) {
        return view(referrals.get(id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    @Operation(operationId = "moveReferral", summary = "Move a referral along its pipeline", description = "received → screening → assessment-scheduled → admitted; declined or referred-elsewhere "
            + "from any step before admission.")
    @APIResponse(responseCode = "200", description = "The referral at its new step")
    @APIResponse(responseCode = "409", description = "The pipeline does not allow that step from here")
    public ReferralView move(@PathParam("id") UUID id, @Valid @NotNull ReferralTransitionRequest request) {
        return view(referrals.move(id, request.to(), request.note()));
    }

    private ReferralView view(Referral referral) {
        return views(List.of(referral)).get(0);
    }

    /** The referrals with their histories, read in one query. */
    private List<ReferralView> views(List<Referral> listed) {
        Map<UUID, List<ReferralTransition>> histories = referrals.histories(listed);
        return listed.stream().map(r -> ReferralView.of(r, histories.getOrDefault(r.id, List.of()))).toList();
    }
}
