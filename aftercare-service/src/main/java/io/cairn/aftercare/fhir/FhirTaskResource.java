package io.cairn.aftercare.fhir;

import io.cairn.aftercare.domain.AftercareReferral;
import io.cairn.aftercare.domain.AftercareReferrals;
import io.cairn.aftercare.domain.CheckIns;
import io.cairn.aftercare.fhir.FhirTasks.FollowUp;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * Aftercare referrals as {@code Task}, read-only: an EHR follows the follow-up of its patient while a Part 2 consent
 * for aftercare names it, as with {@code /api/v1/aftercare-referrals}.
 */
@Path(ApiPaths.FHIR_R4 + "/Task")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirTaskResource implements FhirCapability {

    private static final String TYPE = "Task";
    /** The episode a follow-up follows: {@code _include} here, {@code _revinclude} on EpisodeOfCare. */
    static final String EPISODE = "Task:focus";

    private final AftercareReferrals referrals;
    private final CheckIns checkIns;

    FhirTaskResource(AftercareReferrals referrals, CheckIns checkIns) {
        this.referrals = referrals;
        this.checkIns = checkIns;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        AftercareReferral referral = referrals.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirTasks.toFhir(followUp(referral)), referral.version);
    }

    @GET
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", "status", "owner", SearchParameters.INCLUDE));
        boolean episodes = !search.includes(SearchParameters.INCLUDE, Set.of(EPISODE)).isEmpty();
        Optional<TaskStatus> status = search.taskStatus("status");
        Optional<String> owner = search.string("owner");
        return SearchBundles.ofAll(referrals.ofPatientUnread(search.requiredPatient()).stream().map(this::followUp)
                .filter(followUp -> status.isEmpty() || FhirTasks.status(followUp) == status.get())
                .filter(followUp -> owner.isEmpty() || owner.get().equals(followUp.referral().caseManager))
                .toList(), search, FhirTasks::toFhir, uri,
                page -> referrals.recordRead(page.stream().map(FollowUp::referral).toList()),
                page -> episodes
                        ? page.stream().map(followUp -> FhirEpisodesOfCare.toFhir(followUp.referral())).toList()
                        : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        CapabilityStatementRestResourceComponent resource = FhirCapability.searchedByPatient(TYPE,
                "Patient/{id}; required for aftercare follow-ups", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("status").setType(SearchParamType.TOKEN)
                .setDocumentation("A follow-up is in-progress while check-ins are scheduled, then completed");
        resource.addSearchParam().setName("owner").setType(SearchParamType.REFERENCE)
                .setDocumentation("The user name of the follow-up's case manager");
        return resource.addSearchInclude(EPISODE);
    }

    private FollowUp followUp(AftercareReferral referral) {
        return new FollowUp(referral, checkIns.ofReferral(referral.id));
    }
}
