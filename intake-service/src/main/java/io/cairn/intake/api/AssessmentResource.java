package io.cairn.intake.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.intake.domain.assessment.Assessments;
import io.cairn.kit.api.Created;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path(ApiPaths.V1 + "/assessments")
@Tag(name = "Assessments", description = "Biopsychosocial assessments with scored screeners and level of care")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final Assessments assessments;

    AssessmentResource(Assessments assessments) {
        this.assessments = assessments;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "startAssessment", summary = "Start an assessment of a patient", description = "Intake coordinators and clinicians open an in-progress assessment, recorded as started by the caller; its sections, screeners and ASAM ratings come with later saves. A referralId, when sent, must name a referral of the same patient.")
    @APIResponse(responseCode = "201", description = "Started; Location names the assessment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    public RestResponse<AssessmentView> start(@Valid @NotNull StartAssessmentRequest request) {
        Assessment assessment = assessments.start(request.patientId(), request.referralId());
        return Created.at("assessments/" + assessment.id, AssessmentView.of(assessment));
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(operationId = "listAssessments", summary = "A patient's assessments, newest first", description = "Every assessment of the patient named by patientId, with its sections, scored screeners and level of care. Staff see any patient's; an EHR client only while a Part 2 consent for assessments names it, and each such read is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The assessments")
    @APIResponse(responseCode = "404", description = "No such patient, or not one the caller may see")
    public List<AssessmentView> list(@QueryParam("patientId") @NotNull UUID patientId) {
        return assessments.ofPatient(patientId).stream().map(AssessmentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(operationId = "getAssessment", summary = "Read an assessment", description = "The assessment with its sections, scored screeners, safety alert, ASAM ratings and level of care. Staff read any; an EHR client only while a Part 2 consent for assessments names it, and each such read is a disclosure. Any other assessment is answered 404.")
    @APIResponse(responseCode = "200", description = "The assessment")
    public AssessmentView get(@PathParam("id") UUID id) {
        return AssessmentView.of(assessments.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "saveAssessment", summary = "Save the assessment's sections, screeners and ASAM ratings", description = "Screeners are scored item by item as published; the ASAM ratings give the recommended "
            + "level of care.")
    @APIResponse(responseCode = "200", description = "The saved assessment with scores and recommendation")
    @APIResponse(responseCode = "409", description = "Completed already, or saved by someone else since that version")
    public AssessmentView save(@PathParam("id") UUID id, @Valid @NotNull AssessmentRequest request) {
        return AssessmentView.of(assessments.save(id, request));
    }

    @POST
    @Path("/{id}/level-of-care")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "decideLevelOfCare", summary = "Decide the level of care", description = "A level other than the recommended one needs a reason; both are kept in the history.")
    @APIResponse(responseCode = "200", description = "The assessment with the decision")
    @APIResponse(responseCode = "409", description = "Completed already, or the ASAM dimensions are not rated yet")
    public AssessmentView decideLevelOfCare(@PathParam("id") UUID id, @Valid @NotNull LevelOfCareRequest request) {
        return AssessmentView.of(assessments.decideLevelOfCare(id, request.levelOfCare(), request.reason()));
    }

    @GET
    @Path("/{id}/level-of-care")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "getLevelOfCareHistory", summary = "Every recommendation and decision, oldest first", description = "For intake coordinators, clinicians and program directors: each level of care decided on the assessment, with the level the ASAM ratings recommended then and the reason for an override. An entry is kept when a clinician decides, and when completion keeps the recommended level; empty until then.")
    @APIResponse(responseCode = "200", description = "The level-of-care history")
    public List<LevelOfCareDecisionView> levelOfCareHistory(@PathParam("id") UUID id) {
        return assessments.levelOfCareHistory(id).stream().map(LevelOfCareDecisionView::of).toList();
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "completeAssessment", summary = "Complete and freeze the assessment", description = "Checks every section, screener and ASAM rating is there, keeps the recommended level when "
            + "none was decided, and publishes intake.assessment.completed.")
    @APIResponse(responseCode = "200", description = "The completed assessment")
    @APIResponse(responseCode = "409", description = "Completed already")
    public AssessmentView complete(@PathParam("id") UUID id) {
        return AssessmentView.of(assessments.complete(id));
    }
}
