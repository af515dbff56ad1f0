package io.cairn.billing.api;

import io.cairn.billing.domain.Claim;
import io.cairn.billing.domain.ClaimFile;
import io.cairn.billing.domain.ClaimFiles;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/claim-files")
@Tag(name = "Claims", description = "Charges claimed from payers under the patients' Part 2 consent for payment")
public class ClaimFileResource {

    static final String X12 = "application/edi-x12";
    private final ClaimFiles files;
    private final PatientAccess access;

    ClaimFileResource(ClaimFiles files, PatientAccess access) {
        this.files = files;
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @Produces(X12)
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "getClaimFile", summary = "A run's 837 for one payer", description = "For the program director: the X12 interchange as written (an 837P, 005010X222A1, or an 837I, 005010X223A2), validated against its guide's layout when the run made it, to send to the payer or its clearinghouse. Each claim in it is audited as read.")
    @APIResponse(responseCode = "200", description = "The interchange", content = @Content(mediaType = X12, schema = @Schema(implementation = X12Interchange.class)))
    @APIResponse(responseCode = "404", description = "No such file")
    public String get(@PathParam("id") UUID id) {
        ClaimFile file = files.get(id);
        List<Claim> claims = files.claimsIn(id);
        access.readAll(RecordCategory.ATTENDANCE, "Claim", claims, c -> c.id, c -> c.patientId);
        return file.content;
    }
}
