package io.cairn.treatmentplan.api;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Created;
import io.cairn.treatmentplan.domain.measures.Measure;
import io.cairn.treatmentplan.domain.measures.Measures;
import io.cairn.treatmentplan.domain.measures.PlanMeasurementSchedules;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/patients/{patientId}/measures")
@Tag(name = "Measures", description = "Measurement-based care: scheduled re-screens (PHQ-9, GAD-7, AUDIT, DAST-10) and their trend from the assessment's baseline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientMeasuresResource {

    private final Measures measures;
    private final PlanMeasurementSchedules schedules;

    PatientMeasuresResource(Measures measures, PlanMeasurementSchedules schedules) {
        this.measures = measures;
        this.schedules = schedules;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listMeasures", summary = "Each instrument's series under the patient's latest plan", description = "The assessment's baseline and every re-screen since, per instrument, oldest first, with the change from the first score and whether it is a reliable change (PHQ-9: 5 points, GAD-7: 4). Measures are assessment data: a patient reads only their own; an EHR client only while a Part 2 consent for assessments names it, and each measure it reads is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The series; none before a plan is drafted")
    public List<MeasureSeriesView> list(@PathParam("patientId") UUID patientId) {
        return measures.series(patientId).stream().map(MeasureSeriesView::of).toList();
    }

    @GET
    @Path("/due")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listDueMeasures", summary = "The re-screens due now", description = "What the patient's active plan asks them to answer today or has asked before and not had, as the plan's schedule sets (/schedule; by default PHQ-9 and GAD-7 every week, AUDIT and DAST-10 every four weeks where the plan treats alcohol or drug use), each counted from its last score (the assessment's baseline first) or, never taken, from approval. Empty without an active plan. A patient reads only their own; an EHR client only while a Part 2 consent for assessments names it. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The re-screens due, each once")
    public List<DueMeasureView> due(@PathParam("patientId") UUID patientId) {
        return measures.due(patientId).stream().map(DueMeasureView::of).toList();
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getMeasurementSchedule", summary = "The re-screens of the patient's plan under way", description = "Each instrument the plan re-screens and how many days apart: the plan's own when a clinician set them, otherwise the clinic's for the plan's problems (clinicDefault). Part of the plan: a patient reads only their own; an EHR client only while a Part 2 consent for treatment plans names it, and each read is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The schedule; its ETag names the plan and its version, to send back in If-Match")
    @APIResponse(responseCode = "409", description = "The patient has no plan under way")
    public RestResponse<PlanMeasurementSchedules.Schedule> schedule(@PathParam("patientId") UUID patientId) {
        return tagged(schedules.of(patientId));
    }

    @PUT
    @Path("/schedule")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "setMeasurementSchedule", summary = "Set the re-screens of the patient's plan", description = "Replaces the clinic's schedule for the plan under way (send the ETag you read in If-Match: 412 when another change came first): each instrument once (PHQ-9, GAD-7, AUDIT, DAST-10), 1 to 365 days apart; an instrument left out is not re-screened. The next of each is due that many days after its last score.")
    @APIResponse(responseCode = "200", description = "The plan's schedule")
    @APIResponse(responseCode = "409", description = "The patient has no plan under way")
    @APIResponse(responseCode = "412", description = "If-Match is not the plan's current version: someone changed it since")
    public RestResponse<PlanMeasurementSchedules.Schedule> setSchedule(@PathParam("patientId") UUID patientId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull MeasurementScheduleRequest request) {
        return tagged(schedules.change(patientId, ifMatch, request.entries()));
    }

    @DELETE
    @Path("/schedule")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "resetMeasurementSchedule", summary = "Put the plan back on the clinic's re-screens", description = "The plan under way follows the clinic's schedule for its problems again.")
    @APIResponse(responseCode = "200", description = "The clinic's schedule for the plan")
    @APIResponse(responseCode = "409", description = "The patient has no plan under way")
    @APIResponse(responseCode = "412", description = "If-Match is not the plan's current version: someone changed it since")
    public RestResponse<PlanMeasurementSchedules.Schedule> resetSchedule(@PathParam("patientId") UUID patientId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(schedules.reset(patientId, ifMatch));
    }

    private static RestResponse<PlanMeasurementSchedules.Schedule> tagged(PlanMeasurementSchedules.Versioned schedule) {
        return RestResponse.ResponseBuilder.ok(schedule.schedule()).tag(new EntityTag(schedule.etag())).build();
    }

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Operation(operationId = "recordMeasure", summary = "Answer a re-screen", description = "Scores the answers with the screener's published scoring and keeps them in the instrument's series under the patient's active plan. The patient answers their own (any other patient is answered 404); a clinician records one given in session. Answers the screener cannot score are a 400 naming each item, and nothing is kept.")
    @APIResponse(responseCode = "201", description = "Scored and kept", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(responseCode = "409", description = "The patient has no active plan")
    public RestResponse<MeasureView> record(@PathParam("patientId") UUID patientId,
            @Valid @NotNull MeasureRequest request) {
        Measure measure = measures.record(patientId, request.instrument(), request.answers());
        return Created.at("patients/" + patientId + "/measures", MeasureView.of(measure));
    }
}
