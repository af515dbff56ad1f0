package io.cairn.scheduling.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.scheduling.domain.Enrollment;
import io.cairn.scheduling.domain.Enrollments;
import io.cairn.scheduling.domain.Track;
import io.cairn.scheduling.domain.Tracks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Group;

/**
 * The program's tracks as {@code Group}s, read-only: the cohort an EHR or the director exports in bulk
 * ({@code Group/{id}/$export}). Members are those the caller may see (an EHR: whose consent names it for attendance),
 * each one a read recorded (for an EHR, a disclosure).
 */
@Path(ApiPaths.FHIR_R4 + "/Group")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirGroupResource implements FhirCapability {

    private static final String TYPE = "Group";

    private final Tracks tracks;
    private final Enrollments enrollments;

    FhirGroupResource(Tracks tracks, Enrollments enrollments) {
        this.tracks = tracks;
        this.enrollments = enrollments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Group read(@PathParam("id") String id) {
        Track track = tracks.get(SearchParameters.id(TYPE, id));
        List<Enrollment> members = enrollments.membersOfUnread(track.id);
        enrollments.recordRead(members);
        return FhirGroups.toFhir(track, members);
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of());
        record Cohort(Track track, List<Enrollment> members) {
        }
        return SearchBundles.ofAll(tracks.all().stream()
                .map(track -> new Cohort(track, enrollments.membersOfUnread(track.id))).toList(), search,
                cohort -> FhirGroups.toFhir(cohort.track(), cohort.members()), uri,
                page -> enrollments.recordRead(page.stream().flatMap(cohort -> cohort.members().stream()).toList()),
                page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.resource(TYPE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
                .setDocumentation("The program's tracks, each with its cohort: the patients enrolled in it now or "
                        + "before that the caller may see (an EHR, those whose consent names it for attendance)");
    }
}
