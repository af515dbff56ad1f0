package io.cairn.billing.api;

import io.cairn.billing.domain.EligibilityCheck;
import io.cairn.billing.domain.Eligibilities;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Created;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Eligibility inquiries (270) and the payers' answers (271), read and written as the patient's coverage is. */
@Path(ApiPaths.V1 + "/eligibility-checks")
@Tag(name = "Coverage", description = "Patients' insurance: the payers billed for their days in the program")
public class EligibilityResource {

    static final String RESOURCE = "EligibilityCheck";
    private final Eligibilities eligibilities;
    private final PatientAccess access;
    private final Caller caller;

    EligibilityResource(Eligibilities eligibilities, PatientAccess access, Caller caller) {
        this.eligibilities = eligibilities;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "askEligibility", summary = "Ask the payer whether a coverage is in force", description = "For intake coordinators and the program director. Builds the 270 eligibility inquiry (005010X279A1) for the coverage's subscriber, asking about the plan (30), mental health (MH) and substance use (AI) benefits, checked against the guide's layout; GET .../request answers it as X12 to send through the clinic's clearinghouse, and PUT .../response brings the payer's 271 back. An unknown coverage is answered 400, one entered without its subscriber 409.")
    @APIResponse(responseCode = "201", description = "The inquiry, not yet answered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibilityCheckView.class)))
    @APIResponse(responseCode = "409", description = "The coverage lacks its subscriber's details")
    @Transactional
    public RestResponse<EligibilityCheckView> ask(@Valid @NotNull EligibilityRequest request) {
        EligibilityCheck check = eligibilities.ask(request.coverageId(), caller.name());
        access.wrote("ask-eligibility", RESOURCE, check.id, check.patientId);
        return Created.at("eligibility-checks/" + check.id, EligibilityCheckView.of(check));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getEligibilityCheck", summary = "Read an eligibility check", description = "For intake coordinators and the program director: the inquiry and, once the 271 is back, what the payer answered.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "404", description = "No such check")
    public EligibilityCheckView get(@PathParam("id") UUID id) {
        EligibilityCheck check = eligibilities.get(id);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, id, check.patientId);
        return EligibilityCheckView.of(check);
    }

    @GET
    @Path("/{id}/request")
    @Produces(ClaimFileResource.X12)
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getEligibilityRequest", summary = "The 270 of an eligibility check", description = "For intake coordinators and the program director: the X12 270 as built, to send to the payer or its clearinghouse.")
    @APIResponse(responseCode = "200", description = "The 270", content = @Content(mediaType = ClaimFileResource.X12, schema = @Schema(implementation = X12Interchange.class)))
    @APIResponse(responseCode = "404", description = "No such check")
    public String request(@PathParam("id") UUID id) {
        EligibilityCheck check = eligibilities.get(id);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, id, check.patientId);
        return check.request;
    }

    @PUT
    @Path("/{id}/response")
    @Consumes({ ClaimFileResource.X12, MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "answerEligibility", summary = "Bring the payer's 271 back", description = "For intake coordinators and the program director. The payer's 271 for this inquiry (its TRN02 is the check's trace number), as the clearinghouse returned it: whether the coverage is active, the plan's dates, the service types covered, or the payer's reasons for not answering (AAA). A 271 for another inquiry, one that does not read, or no 271 at all is answered 400 and changes nothing; another 271 for the same inquiry replaces the answer.")
    @RequestBody(content = @Content(mediaType = ClaimFileResource.X12, schema = @Schema(implementation = X12Interchange.class)))
    @APIResponse(responseCode = "200", description = "The check with the payer's answer", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibilityCheckView.class)))
    @APIResponse(responseCode = "404", description = "No such check")
    @Transactional
    public EligibilityCheckView answer(@PathParam("id") UUID id, String interchange) {
        if (interchange == null || interchange.isBlank()) {
            throw new InvalidRequestException("body", "must be an X12 271 interchange");
        }
        EligibilityCheck check = eligibilities.answer(id, interchange);
        access.wrote("answer-eligibility", RESOURCE, id, check.patientId);
        return EligibilityCheckView.of(check);
    }
}
