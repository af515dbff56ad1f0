package io.cairn.intake.fhir;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.intake.domain.Consent;
import io.cairn.intake.domain.Consents;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * A patient's 42 CFR Part 2 consent directives as {@code Consent}, read-only: recorded and revoked by the intake
 * coordinator through {@code /api/v1/consents}, readable by the same roles (not by the EHRs they name).
 */
@Path(ApiPaths.FHIR_R4 + "/Consent")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirConsentResource implements FhirCapability {

    private static final String TYPE = "Consent";

    private final Consents consents;
    private final ClinicCalendar calendar;

    FhirConsentResource(Consents consents, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.consents = consents;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        Consent consent = consents.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirConsents.toFhir(consent, calendar.today()), consent.version);
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient"));
        return SearchBundles.ofAll(consents.ofPatientUnread(search.requiredPatient()), search,
                consent -> FhirConsents.toFhir(consent, calendar.today()), uri, consents::recordRead, page -> List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
    }
}
