package io.cairn.intake.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.Assessments;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.screeners.ScreenerCatalogue;
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
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** Screeners as answered, as {@code QuestionnaireResponse}, under the same rules as the assessments they belong to. */
@Path(ApiPaths.FHIR_R4 + "/QuestionnaireResponse")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirQuestionnaireResponseResource implements FhirCapability {

    private static final String TYPE = "QuestionnaireResponse";

    private final Assessments assessments;
    private final ScreenerCatalogue catalogue;

    FhirQuestionnaireResponseResource(Assessments assessments, ScreenerCatalogue catalogue) {
        this.assessments = assessments;
        this.catalogue = catalogue;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public QuestionnaireResponse read(@PathParam("id") String id) {
        var observation = FhirScreenerObservations.parse(id).orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
        return responses(assessments.get(observation.assessmentId())).stream()
                .filter(response -> response.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient"));
        record Answered(Assessment assessment, QuestionnaireResponse resource) {
        }
        return SearchBundles.ofAll(assessments.ofPatientUnread(search.requiredPatient()).stream()
                .flatMap(assessment -> responses(assessment).stream().map(r -> new Answered(assessment, r))).toList(),
                search, Answered::resource, uri,
                page -> assessments.recordRead(page.stream().map(Answered::assessment).distinct().toList()),
                page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
    }

    private List<QuestionnaireResponse> responses(Assessment assessment) {
        return assessment.screeners.stream().map(scored -> FhirScreenerResponses.toFhir(assessment, scored,
                catalogue.get(scored.screener()))).toList();
    }
}
