package io.cairn.billing.api;

import io.cairn.billing.domain.Remittances;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Created;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/remittances")
@Tag(name = "Remittances", description = "Payers' 835 payment advice posted against the claims")
@Produces(MediaType.APPLICATION_JSON)
public class RemittanceResource {

    private final Remittances remittances;
    private final Caller caller;

    RemittanceResource(Remittances remittances, Caller caller) {
        this.remittances = remittances;
        this.caller = caller;
    }

    @POST
    @Consumes({ ClaimFileResource.X12, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "postRemittance", summary = "Post a payer's 835", description = "For the program director. The X12 835 (005010X221A1) as the payer or clearinghouse sent it: each claim it answers (CLP01 is the claim's claimNumber, as the 837 sent it in CLM01) gets what it was paid and how it was adjudicated, each day (SVC with its DTM*472) what it was paid and why less (CAS). A payment already posted (the same sender and trace number) changes nothing and is answered 200 with `alreadyPosted`; what names no claim or line of Cairn's is listed as `unmatched`, not posted. An interchange that does not read (envelope, control numbers, counts) or is no 835 is answered 400.")
    @RequestBody(content = @Content(mediaType = ClaimFileResource.X12, schema = @Schema(implementation = X12Interchange.class)))
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RemittanceView.class)))
    @APIResponse(responseCode = "200", description = "Posted before; nothing changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RemittanceView.class)))
    public RestResponse<RemittanceView> post(String interchange) {
        if (interchange == null || interchange.isBlank()) {
            throw new InvalidRequestException("body", "must be an X12 835 interchange");
        }
        Remittances.Result result = remittances.post(interchange, caller.name());
        RemittanceView view = RemittanceView.of(result);
        return result.alreadyPosted() ? RestResponse.ok(view) : Created.at("remittances/" + view.id(), view);
    }
}
