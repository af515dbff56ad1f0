package io.cairn.billing.api;

import io.cairn.billing.domain.Claim;
import io.cairn.billing.domain.Claims;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/claims")
@Tag(name = "Claims", description = "Charges claimed from payers under the patients' Part 2 consent for payment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private final Claims claims;
    private final PatientAccess access;
    private final Caller caller;

    ClaimResource(Claims claims, PatientAccess access, Caller caller) {
        this.claims = claims;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "claimCharges", summary = "Claim a payer's open charges", description = "For the program director. Every open charge of the payer's up to and including `through` is claimed: one claim per patient and coverage (at most 50 lines on a professional claim, 999 on an institutional one), its charges then `claimed`, and the claims are written to one 837 (`fileId`: an 837P or 837I, validated against its implementation guide's layout). A claim discloses who the patient is, their days and their diagnoses to the payer, so it needs the patient's active Part 2 consent for `payment` naming the payer's payer code as recipient and releasing `demographics`, `attendance` and `assessments`; it also needs the patient's diagnoses and a coverage entered with its subscriber. A patient without them gets no claim, their charges stay open, and `held` says why. Each claim is audited as a disclosure with the consent it rests on. 503 while this service's copy of the consents is not known to be current; a run made again claims only what is still open.")
    @APIResponse(responseCode = "200", description = "The claims made and the patients held back")
    @APIResponse(responseCode = "503", description = "The consents cannot be verified now; nothing was claimed")
    public ClaimRunView claim(@Valid @NotNull ClaimRequest request) {
        return ClaimRunView.of(claims.claim(request.payerId(), request.through(), caller.name()));
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "listClaims", summary = "A patient's claims", description = "Oldest first, each with its lines. For the program director.")
    @APIResponse(responseCode = "200", description = "The patient's claims")
    public List<ClaimView> list(@QueryParam("patientId") @NotNull UUID patientId) {
        access.search(RecordCategory.ATTENDANCE, patientId);
        List<Claim> found = claims.ofPatient(patientId);
        access.readAll(RecordCategory.ATTENDANCE, "Claim", found, c -> c.id, c -> c.patientId);
        return found.stream().map(ClaimView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "getClaim", summary = "Read a claim", description = "With its lines. For the program director.")
    @APIResponse(responseCode = "200", description = "The claim")
    @APIResponse(responseCode = "404", description = "No such claim")
    public ClaimView get(@PathParam("id") UUID id) {
        Claim claim = claims.get(id);
        access.read(RecordCategory.ATTENDANCE, "Claim", id, claim.patientId);
        return ClaimView.of(claim);
    }
}
