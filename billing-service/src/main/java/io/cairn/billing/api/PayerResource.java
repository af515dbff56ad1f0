package io.cairn.billing.api;

import io.cairn.billing.domain.Payer;
import io.cairn.billing.domain.Payers;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Created;
import io.cairn.kit.api.ListWindow;
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

@Path(ApiPaths.V1 + "/payers")
@Tag(name = "Payers", description = "The payers the clinic bills and the codes each wants for a day of the program")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PayerResource {

    private final Payers payers;

    PayerResource(Payers payers) {
        this.payers = payers;
    }

    @POST
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "addPayer", summary = "Add a payer", description = "For the program director. How the clinic bills the payer for a day of the program: a per diem on a professional claim (837P) with its place of service, or on an institutional claim (837I) with a revenue code; the rate of a day, and the minutes a day must document to be billed. A payer code already taken is answered 409.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayerView.class)))
    @APIResponse(responseCode = "409", description = "Another payer has this payer code")
    public RestResponse<PayerView> add(@Valid @NotNull PayerRequest request) {
        Payer payer = new Payer();
        payer.name = request.name().strip();
        payer.payerCode = request.payerCode();
        payer.claimForm = request.claimForm();
        payer.procedureCode = request.procedureCode();
        payer.revenueCode = request.revenueCode();
        payer.placeOfService = request.placeOfService();
        payer.dayRate = request.dayRate();
        payer.minimumMinutes = request.minimumMinutes();
        payer.claimFilingCode = request.claimFilingCode() == null ? "CI" : request.claimFilingCode();
        payer.telehealthPlaceOfService = request.telehealthPlaceOfService() == null ? "10"
                : request.telehealthPlaceOfService();
        payer.telehealthModifier = request.telehealthModifier() == null ? "95" : request.telehealthModifier();
        Payer added = payers.add(payer);
        return Created.at("payers/" + added.id, PayerView.of(added));
    }

    @GET
    @RolesAllowed({ Roles.PROGRAM_DIRECTOR, Roles.INTAKE_COORDINATOR })
    @Operation(operationId = "listPayers", summary = "Every payer, by name", description = "For the program director and intake coordinators, who enter patients' coverage with them.")
    @APIResponse(responseCode = "200", description = "The payers")
    public RestResponse<List<PayerView>> list(@QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        return ListWindow.of(payers.all().stream().map(PayerView::of).toList(), page, size, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PROGRAM_DIRECTOR, Roles.INTAKE_COORDINATOR })
    @Operation(operationId = "getPayer", summary = "Read a payer", description = "For the program director and intake coordinators.")
    @APIResponse(responseCode = "200", description = "The payer")
    public PayerView get(@PathParam("id") UUID id) {
        return PayerView.of(payers.get(id));
    }
}
