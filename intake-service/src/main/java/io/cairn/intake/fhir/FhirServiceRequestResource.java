package io.cairn.intake.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.fhir.ValidRequests;
import io.cairn.intake.api.ReferralRequest;
import io.cairn.intake.domain.Referral;
import io.cairn.intake.domain.Referrals;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Referrals as {@code ServiceRequest}: an EHR refers a patient it registered, and follows the referral to admission.
 * The same rules as {@code /api/v1/referrals}: reading one is a disclosure, allowed while a Part 2 consent names the
 * EHR; a search names the patient.
 */
@Path(ApiPaths.FHIR_R4 + "/ServiceRequest")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
@Consumes({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirServiceRequestResource implements FhirCapability {

    private static final String TYPE = "ServiceRequest";

    private final Referrals referrals;
    private final Validator validator;
    private final Caller caller;

    FhirServiceRequestResource(Referrals referrals, Validator validator, Caller caller) {
        this.referrals = referrals;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Response create(ServiceRequest fhir, @Context UriInfo uri) {
        if (fhir == null) {
            throw new InvalidRequestException(TYPE, "send a ServiceRequest resource");
        }
        ReferralRequest request = ValidRequests.require(validator, FhirReferrals.toReferral(fhir),
                FhirReferrals::expressionOf);
        Referral referral = referrals.receive(request);
        return FhirResponses.created(uri, FhirReferrals.toFhir(referral), referral.version);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        Referral referral = referrals.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirReferrals.toFhir(referral), referral.version);
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient"));
        UUID patient = search.patient("patient").orElse(null);
        if (patient == null && !caller.isStaff()) {
            throw new InvalidParameterException("patient", "is required of patients and EHR clients");
        }
        return SearchBundles.of(referrals.list(patient, null, search.changes(), search.window()),
                FhirReferrals::toFhir, uri);
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required of patients and EHR clients",
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
    }
}
