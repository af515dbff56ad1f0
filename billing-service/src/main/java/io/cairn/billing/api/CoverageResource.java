package io.cairn.billing.api;

import io.cairn.billing.domain.Coverage;
import io.cairn.billing.domain.Coverages;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Created;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Patients' insurance. Who a patient's insurer is tells that they are in the program, so coverage is read and written
 * as the patient's demographics are: audited, and answered 404 to a caller who may not see the patient.
 */
@Path(ApiPaths.V1 + "/coverages")
@Tag(name = "Coverage", description = "Patients' insurance: the payers billed for their days in the program")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoverageResource {

    static final String RESOURCE = "Coverage";
    private final Coverages coverages;
    private final PatientAccess access;

    CoverageResource(Coverages coverages, PatientAccess access) {
        this.coverages = coverages;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "addCoverage", summary = "Add a patient's coverage", description = "For intake coordinators and the program director. A patient has at most one primary and one secondary coverage in force on any day: one that overlaps another of its rank is answered 409 (end that one first). The patient's attended days the new primary coverage covers are charged to it at once.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageView.class)))
    @APIResponse(responseCode = "409", description = "Another coverage of this rank is in force on some of these days")
    @Transactional
    public RestResponse<CoverageView> add(@Valid @NotNull CoverageRequest request) {
        Coverage coverage = new Coverage();
        coverage.patientId = request.patientId();
        coverage.payerId = request.payerId();
        coverage.rank = request.rank();
        coverage.memberId = request.memberId().strip();
        coverage.groupNumber = request.groupNumber();
        coverage.planName = request.planName();
        request.subscriber().copyTo(coverage);
        coverage.startsOn = request.startsOn();
        coverage.endsOn = request.endsOn();
        Coverage added = coverages.add(coverage);
        access.wrote("create", RESOURCE, added.id, added.patientId);
        return Created.at("coverages/" + added.id, CoverageView.of(added));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(operationId = "listCoverages", summary = "A patient's coverage", description = "Primary first, the latest first within a rank, ended ones included. For intake coordinators and the program director; a patient sees only their own. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The patient's coverage")
    @APIResponse(responseCode = "404", description = "Not a patient the caller may see")
    public List<CoverageView> list(@QueryParam("patientId") @NotNull UUID patientId) {
        access.search(RecordCategory.DEMOGRAPHICS, patientId);
        List<Coverage> found = coverages.ofPatient(patientId);
        access.readAll(RecordCategory.DEMOGRAPHICS, RESOURCE, found, c -> c.id, c -> c.patientId);
        return found.stream().map(CoverageView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR, Roles.PATIENT })
    @Operation(operationId = "getCoverage", summary = "Read a coverage", description = "For intake coordinators and the program director; a patient reads only their own. Any other coverage is answered 404.")
    @APIResponse(responseCode = "200", description = "The coverage")
    @APIResponse(responseCode = "404", description = "No such coverage, or not one the caller may see")
    public CoverageView get(@PathParam("id") UUID id) {
        Coverage coverage = coverages.get(id);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, id, coverage.patientId);
        return CoverageView.of(coverage);
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "endCoverage", summary = "End a coverage", description = "For intake coordinators and the program director. The coverage covers no day after endsOn: open charges of later days are voided, and charged to the primary coverage that covers them instead, if any. endsOn may bring an end earlier, not later.")
    @APIResponse(responseCode = "200", description = "The coverage, ended")
    @APIResponse(responseCode = "404", description = "No such coverage")
    @Transactional
    public CoverageView end(@PathParam("id") UUID id, @Valid @NotNull CoverageEnd request) {
        Coverage ended = coverages.end(id, request.endsOn());
        access.wrote("end", RESOURCE, id, ended.patientId);
        return CoverageView.of(ended);
    }
}
