package io.cairn.scheduling.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.scheduling.domain.Appointments;
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
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * Sessions a patient is booked into as {@code Appointment}, with attendance as {@code fulfilled} or {@code noshow}.
 * Read-only; an EHR sees them while a Part 2 consent for attendance names it.
 */
@Path(ApiPaths.FHIR_R4 + "/Appointment")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirAppointmentResource implements FhirCapability {

    private static final String TYPE = "Appointment";

    private final Appointments appointments;

    FhirAppointmentResource(Appointments appointments) {
        this.appointments = appointments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Appointment read(@PathParam("id") String id) {
        return FhirAppointments.toFhir(appointments.get(SearchParameters.id(TYPE, id)));
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", SearchParameters.REVINCLUDE));
        boolean attended = !search.includes(SearchParameters.REVINCLUDE, Set.of(FhirEncounterResource.APPOINTMENT))
                .isEmpty();
        return SearchBundles.ofAll(appointments.ofPatientUnread(search.requiredPatient()), search,
                FhirAppointments::toFhir, uri, appointments::recordRead, page -> attended
                        ? page.stream().filter(FhirEncounters::isEncounter).map(FhirEncounters::toFhir)
                                .toList()
                        : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE).setVersioning(ResourceVersionPolicy.NOVERSION)
                .addSearchRevInclude(FhirEncounterResource.APPOINTMENT);
    }
}
