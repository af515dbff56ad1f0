package io.cairn.aftercare.fhir;

import io.cairn.aftercare.domain.AftercareReferral;
import io.cairn.aftercare.domain.AftercareReferrals;
import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.cairn.aftercare.domain.CheckIns;
import io.cairn.aftercare.fhir.FhirTasks.FollowUp;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * The IOP episodes that ended and are followed up in aftercare, as {@code EpisodeOfCare}. Read-only; an EHR sees them
 * while a Part 2 consent for aftercare names it, as with {@code /api/v1/aftercare-referrals}.
 */
@Path(ApiPaths.FHIR_R4 + "/EpisodeOfCare")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirEpisodeOfCareResource implements FhirCapability {

    private static final String TYPE = "EpisodeOfCare";

    private final AftercareReferrals referrals;

    private final CheckIns checkIns;

    FhirEpisodeOfCareResource(AftercareReferrals referrals, CheckIns checkIns) {
        this.referrals = referrals;
        this.checkIns = checkIns;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION, Roles.SUBSCRIPTION_SENDER })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        AftercareReferral referral = referrals.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirEpisodesOfCare.toFhir(referral), referral.version);
    }

    @GET
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", SearchParameters.REVINCLUDE));
        boolean followUps = !search.includes(SearchParameters.REVINCLUDE, Set.of(FhirTaskResource.EPISODE)).isEmpty();
        return SearchBundles.ofAll(referrals.ofPatientUnread(search.requiredPatient()), search,
                FhirEpisodesOfCare::toFhir, uri, referrals::recordRead,
                page -> followUps ? page.stream().map(referral -> FhirTasks.toFhir(
                        new FollowUp(referral, checkIns.ofReferral(referral.id)))).toList() : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE).addSearchRevInclude(FhirTaskResource.EPISODE);
    }
}
