package io.cairn.billing.api;

import io.cairn.billing.domain.Diagnoses;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The diagnoses a patient's claims carry: clinical records, read and written as assessments are. */
@Path(ApiPaths.V1 + "/diagnoses")
@Tag(name = "Diagnoses", description = "The ICD-10-CM diagnoses a patient's claims carry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiagnosesResource {

    private final Diagnoses diagnoses;
    private final PatientAccess access;
    private final Caller caller;

    DiagnosesResource(Diagnoses diagnoses, PatientAccess access, Caller caller) {
        this.diagnoses = diagnoses;
        this.access = access;
        this.caller = caller;
    }

    @PUT
    @Path("/{patientId}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "recordDiagnoses", summary = "Record the diagnoses a patient's claims carry", description = "For clinicians and the program director. The patient's ICD-10-CM codes, the principal diagnosis first, replacing those recorded before; claims made from then on carry them. A patient without them gets no claim.")
    @APIResponse(responseCode = "200", description = "The diagnoses as recorded")
    @Transactional
    public DiagnosesView record(@PathParam("patientId") UUID patientId, @Valid @NotNull DiagnosesRequest request) {
        if (new HashSet<>(request.codes()).size() < request.codes().size()) {
            throw new InvalidRequestException("codes", "must not repeat a code");
        }
        diagnoses.record(patientId, request.codes(), caller.name());
        access.wrote("record", "Diagnoses", patientId, patientId);
        return new DiagnosesView(patientId, request.codes());
    }

    @GET
    @Path("/{patientId}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getDiagnoses", summary = "The diagnoses a patient's claims carry", description = "For clinicians and the program director; empty until recorded.")
    @APIResponse(responseCode = "200", description = "The patient's diagnoses")
    public DiagnosesView get(@PathParam("patientId") UUID patientId) {
        access.read(RecordCategory.ASSESSMENTS, "Diagnoses", patientId, patientId);
        return new DiagnosesView(patientId, diagnoses.of(patientId));
    }
}
