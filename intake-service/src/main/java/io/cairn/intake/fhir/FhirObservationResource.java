package io.cairn.intake.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.ScreenerResults;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.intake.domain.assessment.Assessments;
import io.cairn.intake.fhir.FhirScreenerObservations.ObservationId;
import io.cairn.intake.fhir.FhirScreenerObservations.Total;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Observation;

/**
 * Screener results as {@code Observation}: a patient's PHQ-9, GAD-7, AUDIT, AUDIT-C, DAST-10 and C-SSRS screener
 * totals from each assessment, read under the same Part 2 rules as {@code /api/v1/assessments} (the category
 * {@code assessments}).
 */
@Path(ApiPaths.FHIR_R4 + "/Observation")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirObservationResource implements FhirCapability {

    private static final String TYPE = "Observation";

    private final Assessments assessments;

    FhirObservationResource(Assessments assessments) {
        this.assessments = assessments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Observation read(@PathParam("id") String id) {
        ObservationId observation = FhirScreenerObservations.parse(id)
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
        return FhirScreenerObservations.totals(assessments.get(observation.assessmentId())).stream()
                .filter(total -> total.id().equals(id)).findFirst().map(FhirScreenerObservations::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", "code"));
        Optional<String> code = search.string("code");
        List<Total> totals = assessments.ofPatientUnread(search.requiredPatient()).stream()
                .flatMap(assessment -> FhirScreenerObservations.totals(assessment).stream())
                .filter(total -> code.map(wanted -> FhirScreenerObservations.hasCode(total, wanted)).orElse(true))
                .toList();
        return SearchBundles.ofAll(totals, search, FhirScreenerObservations::toFhir, uri,
                page -> assessments.recordRead(page.stream().map(Total::assessment).distinct().toList()),
                page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return ScreenerResults.describeCodeSearch(FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE));
    }
}
