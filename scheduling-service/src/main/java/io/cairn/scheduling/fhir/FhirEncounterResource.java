package io.cairn.scheduling.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.scheduling.domain.Appointments;
import io.cairn.scheduling.domain.Appointments.Appointment;
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
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Encounter;

/** The sessions a patient attended as {@code Encounter}, read-only, under the same rules as their appointments. */
@Path(ApiPaths.FHIR_R4 + "/Encounter")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirEncounterResource implements FhirCapability {

    private static final String TYPE = "Encounter";
    /** The appointment an attended session fulfilled: {@code _include} here, {@code _revinclude} on Appointment. */
    static final String APPOINTMENT = "Encounter:appointment";

    private final Appointments appointments;

    FhirEncounterResource(Appointments appointments) {
        this.appointments = appointments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION, Roles.SUBSCRIPTION_SENDER })
    @Operation(hidden = true)
    public Encounter read(@PathParam("id") String id) {
        Appointment appointment = appointments.ofAttendance(SearchParameters.id(TYPE, id));
        if (!FhirEncounters.isEncounter(appointment)) {
            throw new ResourceNotFoundException(TYPE, id);
        }
        return FhirEncounters.toFhir(appointment);
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", SearchParameters.INCLUDE));
        boolean booked = !search.includes(SearchParameters.INCLUDE, Set.of(APPOINTMENT)).isEmpty();
        return SearchBundles.ofAll(appointments.ofPatientUnread(search.requiredPatient()).stream()
                .filter(FhirEncounters::isEncounter).toList(), search, FhirEncounters::toFhir, uri,
                appointments::recordRead, page -> booked ? page.stream().map(FhirAppointments::toFhir).toList() : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE).setVersioning(ResourceVersionPolicy.NOVERSION)
                .addSearchInclude(APPOINTMENT);
    }
}
