package io.cairn.treatmentplan.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.treatmentplan.domain.measures.ReScreens;
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

/** Re-screens as answered, as {@code QuestionnaireResponse}, under the same rules as their Observations. */
@Path(ApiPaths.FHIR_R4 + "/QuestionnaireResponse")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirQuestionnaireResponseResource implements FhirCapability {

    private static final String TYPE = "QuestionnaireResponse";

    private final ReScreens reScreens;
    private final ScreenerCatalogue catalogue;

    FhirQuestionnaireResponseResource(ReScreens reScreens, ScreenerCatalogue catalogue) {
        this.reScreens = reScreens;
        this.catalogue = catalogue;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public QuestionnaireResponse read(@PathParam("id") String id) {
        return FhirReScreens.response(reScreens.get(SearchParameters.id(TYPE, id)), catalogue);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient"));
        return SearchBundles.ofAll(reScreens.ofPatientUnread(search.requiredPatient()), search,
                reScreen -> FhirReScreens.response(reScreen, catalogue), uri, reScreens::recordRead,
                page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
    }
}
