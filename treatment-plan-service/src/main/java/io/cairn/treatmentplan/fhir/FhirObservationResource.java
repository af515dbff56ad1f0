package io.cairn.treatmentplan.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.ScreenerResults;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.treatmentplan.domain.measures.ReScreens;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.treatmentplan.fhir.FhirReScreens.Total;
import java.util.UUID;
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
 * Re-screens as {@code Observation}: the patient's PHQ-9, GAD-7, AUDIT (and AUDIT-C) and DAST-10 totals answered during
 * the program,
 * read under the same Part 2 rules as {@code /api/v1/patients/{id}/measures} (the category {@code assessments}). The
 * gateway searches intake's screener results beside them, so a search by code is the instrument's whole series.
 */
@Path(ApiPaths.FHIR_R4 + "/Observation")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirObservationResource implements FhirCapability {

    private static final String TYPE = "Observation";

    private final ReScreens reScreens;

    FhirObservationResource(ReScreens reScreens) {
        this.reScreens = reScreens;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Observation read(@PathParam("id") String id) {
        UUID reScreen = FhirReScreens.reScreenOf(id).orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
        return FhirReScreens.totals(reScreens.get(reScreen)).stream().map(Total::resource)
                .filter(total -> total.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", "code"));
        Optional<String> code = search.string("code");
        List<Total> matches = reScreens.ofPatientUnread(search.requiredPatient()).stream()
                .flatMap(reScreen -> FhirReScreens.totals(reScreen).stream())
                .filter(total -> code.map(wanted -> ScreenerResults.hasCode(total.screener(), wanted)).orElse(true))
                .toList();
        return SearchBundles.ofAll(matches, search, Total::resource, uri,
                page -> reScreens.recordRead(page.stream().map(Total::reScreen).distinct().toList()),
                page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return ScreenerResults.describeCodeSearch(FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE));
    }
}
