package io.cairn.intake.api;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.intake.domain.Consent;
import io.cairn.intake.domain.Consents;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/consents")
@Tag(name = "Consents", description = "42 CFR Part 2 consents to disclose substance-use treatment records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Consents consents;
    private final ClinicCalendar calendar;

    ConsentResource(Consents consents, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.consents = consents;
    }

    @POST
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    @Operation(operationId = "giveConsent", summary = "Record a written consent", description = "Publishes intake.consent.changed so every service can enforce it.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the consent", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public RestResponse<ConsentView> give(@Valid @NotNull ConsentRequest request) {
        Consent consent = consents.give(request);
        return Created.at("consents/" + consent.id, ConsentView.of(consent, calendar.today()));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(operationId = "listConsents", summary = "A patient's consents, newest first", description = "Every Part 2 consent of the patient named by patientId, revoked and expired ones included, each with whether it allows disclosure today. Intake coordinators and program directors see any patient's; a patient only their own. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The consents")
    @APIResponse(responseCode = "404", description = "No such patient, or not one the caller may see")
    public List<ConsentView> list(@QueryParam("patientId") @NotNull UUID patientId) {
        return consents.ofPatient(patientId).stream().map(consent -> ConsentView.of(consent, calendar.today())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(operationId = "getConsent", summary = "Read a consent", description = "The Part 2 consent with its recipient, purpose, record categories, period and any revocation, and whether it allows disclosure today. Intake coordinators and program directors read any; a patient only their own. Any other consent is answered 404.")
    @APIResponse(responseCode = "200", description = "The consent")
    public ConsentView get(@PathParam("id") UUID id) {
        return ConsentView.of(consents.get(id), calendar.today());
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent", description = "Stops every future disclosure to the recipient; earlier disclosures stay in the "
            + "accounting. Publishes intake.consent.changed.")
    @APIResponse(responseCode = "200", description = "The revoked consent")
    @APIResponse(responseCode = "409", description = "Already revoked")
    public ConsentView revoke(@PathParam("id") UUID id, @Valid RevocationRequest request) {
        return ConsentView.of(consents.revoke(id, request == null ? null : request.reason()), calendar.today());
    }
}
