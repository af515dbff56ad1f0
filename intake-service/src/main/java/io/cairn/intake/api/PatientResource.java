package io.cairn.intake.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.intake.domain.Patient;
import io.cairn.intake.domain.Patients;
import io.cairn.kit.api.ListWindow;
import io.cairn.intake.domain.DisclosureAccounting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/patients")
@Tag(name = "Patients", description = "People referred to the program")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final Patients patients;
    private final DisclosureAccounting accounting;

    PatientResource(Patients patients, DisclosureAccounting accounting) {
        this.patients = patients;
        this.accounting = accounting;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.EHR_INTEGRATION })
    @Operation(operationId = "registerPatient", summary = "Register a patient", description = "Intake coordinators and EHR clients register the patient with their registration data and external identifiers (e.g. an EHR's medical record number), each unique per system. An EHR client uses identifiers of its own system only (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Registered; Location names the new patient", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "409", description = "An identifier already belongs to another patient")
    public RestResponse<PatientView> register(@Valid @NotNull PatientRequest request) {
        Patient patient = patients.register(request);
        return Created.at("patients/" + patient.id, PatientView.of(patient));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(operationId = "searchPatients", summary = "Find patients by name, birth date or external identifier", description = "Name matches the start of the given or family name. EHR clients must search by identifier "
            + "and see only patients whose Part 2 consent names them.")
    @APIResponse(responseCode = "200", description = "One window of matching patients")
    public RestResponse<List<PatientView>> search(@QueryParam("name") @Size(max = 100) String name,
            @QueryParam("birthDate") LocalDate birthDate,
            @QueryParam("identifierSystem") @Size(max = 200) String identifierSystem,
            @QueryParam("identifierValue") @Size(max = 100) String identifierValue,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        ListWindow.Window window = ListWindow.window(page, size);
        return ListWindow.of(patients.search(name, birthDate, identifierSystem, identifierValue, window)
                .map(PatientView::of), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getPatient", summary = "Read a patient's registration data", description = "Name, birth date, contact details, emergency contact and external identifiers. Staff read any patient; a patient only their own record; an EHR client only while a Part 2 consent for demographics names it, and each such read is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The patient")
    public PatientView get(@PathParam("id") UUID id) {
        return PatientView.of(patients.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    @Operation(operationId = "updatePatient", summary = "Replace a patient's registration data", description = "Send the version you last read; a newer version on the server answers 409.")
    @APIResponse(responseCode = "200", description = "The updated patient")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version, or an identifier "
            + "belongs to another patient")
    public PatientView update(@PathParam("id") UUID id, @Valid @NotNull PatientRequest request) {
        return PatientView.of(patients.update(id, request));
    }

    @GET
    @Path("/{id}/disclosures")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(operationId = "listDisclosures", summary = "Accounting of disclosures (42 CFR Part 2)", description = "Every record of the patient any service disclosed to an outside recipient, over the JSON API or FHIR, with the consent it relied on and its purpose. Kept from every service's disclosure events: a disclosure appears within seconds.")
    @APIResponse(responseCode = "200", description = "The disclosures, oldest first")
    public List<DisclosureView> disclosures(@PathParam("id") UUID id) {
        patients.get(id);
        return accounting.of(id).stream().map(DisclosureView::of).toList();
    }
}
