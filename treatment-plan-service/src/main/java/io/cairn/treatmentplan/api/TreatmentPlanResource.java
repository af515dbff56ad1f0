package io.cairn.treatmentplan.api;

import io.cairn.kit.api.Versions;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.treatmentplan.domain.PlanReview;
import io.cairn.treatmentplan.domain.Admissions;
import io.cairn.treatmentplan.domain.AttendedHours;
import io.cairn.treatmentplan.domain.Endings;
import io.cairn.treatmentplan.domain.PlanContent;
import io.cairn.treatmentplan.domain.PlanRelease;
import io.cairn.treatmentplan.domain.PlanVersion;
import io.cairn.treatmentplan.domain.PlanReviews;
import io.cairn.treatmentplan.domain.PlanStatus;
import io.cairn.treatmentplan.domain.ProgressNote;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import io.cairn.treatmentplan.domain.WeeklyHours;
import io.cairn.treatmentplan.domain.measures.Measure;
import io.cairn.treatmentplan.domain.measures.Measures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/treatment-plans")
@Tag(name = "Treatment plans", description = "Individualized plans: problems, goals, objectives, interventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TreatmentPlanResource {

    private final TreatmentPlans plans;
    private final Admissions admissions;
    private final PlanReviews reviews;
    private final AttendedHours hours;
    private final Endings endings;
    private final ClinicCalendar calendar;
    private final Measures measures;

    TreatmentPlanResource(TreatmentPlans plans, Admissions admissions, PlanReviews reviews, AttendedHours hours,
            Endings endings, ClinicCalendar calendar, Measures measures) {
        this.calendar = calendar;
        this.measures = measures;
        this.plans = plans;
        this.admissions = admissions;
        this.reviews = reviews;
        this.hours = hours;
        this.endings = endings;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listTreatmentPlans", summary = "A patient's treatment plans, newest first", description = "Every plan of the patient, or those with the given status, each with the progress recorded on its objectives. Staff see any patient's; a patient only their own; an EHR client only while a Part 2 consent for treatment plans names it, and each such read is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The plans")
    @APIResponse(responseCode = "404", description = "No such patient, or not one the caller may see")
    // The plan and what of other categories it shows: one transaction, one decision.
    @Transactional
    public List<TreatmentPlanView> list(@QueryParam("patientId") @NotNull UUID patientId,
            @QueryParam("status") PlanStatus status) {
        return plans.ofPatient(patientId, status).stream()
                .map(plan -> TreatmentPlanView.of(plan, plans.releaseOf(plan))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getTreatmentPlan", summary = "Read a treatment plan", description = "The ETag is the plan's version, which moves on with every change (progress too) and is the FHIR CarePlan's versionId: send it back in If-Match to edit.")
    @APIResponse(responseCode = "200", description = "The plan")
    // The plan and what of other categories it shows: one transaction, one decision.
    @Transactional
    public RestResponse<TreatmentPlanView> get(@PathParam("id") UUID id) {
        TreatmentPlan plan = plans.get(id);
        return RestResponse.ResponseBuilder.ok(TreatmentPlanView.of(plan, plans.releaseOf(plan))).tag(etag(plan))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "editTreatmentPlan", summary = "Edit the plan's content: a new version", description = "Send the planVersion you edited (409 when the plan moved on), and the ETag you read in If-Match (412 when the plan changed since, progress included). Before approval the draft changes and awaits the patient's acknowledgment again; an approved plan stays in force as approved, and the change waits as its revision for the patient's acknowledgment and a clinician's approval. Objective progress is not content: an edit never changes it.")
    @APIResponse(responseCode = "200", description = "The plan at its new version")
    @APIResponse(responseCode = "409", description = "Edited since that version, or the episode has ended")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    public RestResponse<TreatmentPlanView> edit(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlanEditRequest request) {
        TreatmentPlan plan = plans.edit(id, versionOf(ifMatch), request.planVersion(), new PlanContent(
                request.problems(), request.weeklyHours(), request.expectedWeeks(), request.preferredSchedule()),
                request.changeNote());
        return RestResponse.ResponseBuilder.ok(TreatmentPlanView.of(plan)).tag(etag(plan)).build();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listTreatmentPlanVersions", summary = "Every version of the plan, oldest first", description = "Each version's content as it stood, with who made it, when, and the change note; its objectives carry no status, since progress is not part of a version. A patient reads only their own plan's; an EHR client only while a Part 2 consent for treatment plans names it, and each such read is a disclosure. Any other plan is answered 404.")
    @APIResponse(responseCode = "200", description = "The versions with author and time")
    // The plan and what of other categories it shows: one transaction, one decision.
    @Transactional
    public List<PlanVersionView> versions(@PathParam("id") UUID id) {
        List<PlanVersion> versions = plans.versions(id);
        PlanRelease released = plans.releaseOf(id, versions);
        return versions.stream().map(version -> PlanVersionView.of(version, released)).toList();
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Operation(operationId = "acknowledgeTreatmentPlan", summary = "The patient acknowledges the version that awaits it", description = "A draft, or an active plan's revision. A patient acknowledges their own plan with no body; a clinician who records the patient's acknowledgment attests who witnessed it and how (400 without).")
    @APIResponse(responseCode = "200", description = "The acknowledged plan")
    @APIResponse(responseCode = "409", description = "No version awaits the patient's acknowledgment, or the plan is no longer at the planVersion sent")
    public TreatmentPlanView acknowledge(@PathParam("id") UUID id, @Valid AcknowledgmentRequest request) {
        return TreatmentPlanView.of(plans.acknowledge(id, request == null ? null : request.planVersion(),
                request == null ? null : request.attestation()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "approveTreatmentPlan", summary = "Sign the acknowledged version: the plan, or its revision, takes effect", description = "Needs the patient's acknowledgment of that version. Activating a plan publishes "
            + "treatment-plan.plan.approved, which enrolls the patient in a track.")
    @APIResponse(responseCode = "200", description = "The active plan")
    @APIResponse(responseCode = "409", description = "Nothing awaits approval, or the patient has not acknowledged it")
    public TreatmentPlanView approve(@PathParam("id") UUID id) {
        return TreatmentPlanView.of(plans.approve(id));
    }

    @POST
    @Path("/{id}/progress-notes")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "writeProgressNote", summary = "Write a progress note on one objective", description = "A clinician's note on an objective of the plan in force or of its waiting revision (400 for any other objective). Only an active plan takes notes. The objective takes the note's status, and the plan's version (its ETag) moves on while its content stays.")
    @APIResponse(responseCode = "201", description = "Written; the objective takes the note's status", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressNoteView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not active")
    public RestResponse<ProgressNoteView> writeProgressNote(@PathParam("id") UUID id,
            @Valid @NotNull ProgressNoteRequest request) {
        ProgressNote note = reviews.addProgressNote(id, request.objectiveId(), request.status(), request.note());
        return Created.at("treatment-plans/" + id + "/progress-notes", ProgressNoteView.of(note));
    }

    @GET
    @Path("/{id}/progress-notes")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listProgressNotes", summary = "The plan's progress notes, oldest first", description = "Every note written on the plan's objectives, with the status it gave and its author. A patient reads only their own plan's; an EHR client only while a Part 2 consent for treatment plans names it, and each such read is a disclosure. Any other plan is answered 404.")
    @APIResponse(responseCode = "200", description = "The notes")
    public List<ProgressNoteView> progressNotes(@PathParam("id") UUID id) {
        return reviews.progressNotes(id).stream().map(ProgressNoteView::of).toList();
    }

    @GET
    @Path("/{id}/weekly-hours")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getWeeklyHours", summary = "Hours attended per ISO week since approval", description = "The sessions attended, as scheduling reports them, summed per ISO week from the day the plan was approved to the day it ended, against the plan's weekly hours; a week with no attendance is left out, and before approval the list is empty. A patient reads only their own plan's; an EHR client only while a Part 2 consent names it for treatment plans and for attendance (the hours are attendance, the target is the plan's), and each such read is a disclosure of both. Any other plan is answered 404.")
    @APIResponse(responseCode = "200", description = "Each week's hours against the plan's weekly target")
    public List<WeeklyHours> weeklyHours(@PathParam("id") UUID id) {
        return hours.weeklyHours(id);
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "reviewTreatmentPlan", summary = "Record a review", description = "Records progress per objective; revisedProblems, when sent, revise the plan (a new "
            + "version). The next review falls due a review interval later. The answer shows the patient's measures since "
            + "the review before.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not active")
    @Transactional // the review and what it shows, in one transaction: a failure after it records nothing
    public RestResponse<ReviewView> review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        PlanReview review = reviews.review(id, request.heldOn(), request.objectiveProgress().stream()
                .map(p -> new PlanReview.ObjectiveProgress(p.objectiveId(), p.status(), p.note())).toList(),
                request.summary(), request.revisedProblems());
        return Created.at("treatment-plans/" + id + "/reviews", ReviewView.of(review,
                measures.sinceEachReview(id, List.of(review)).get(0)));
    }

    @GET
    @Path("/{id}/reviews")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listReviews", summary = "The plan's reviews, oldest first", description = "Each review with the day it was due and the day it was held, the progress recorded per objective, when it revised the plan the version it made, and the patient's measures since the review before (released to an EHR client only under a consent for assessments too, each a disclosure). A patient reads only their own plan's; an EHR client only while a Part 2 consent for treatment plans names it, and each such read is a disclosure. Any other plan is answered 404.")
    @APIResponse(responseCode = "200", description = "The reviews")
    @Transactional // one decision on what the caller may have, as a plan's read
    public List<ReviewView> reviews(@PathParam("id") UUID id) {
        List<PlanReview> held = reviews.reviews(id);
        List<Optional<List<Measure>>> series = measures.sinceEachReview(id, held);
        return IntStream.range(0, held.size()).mapToObj(i -> ReviewView.of(held.get(i), series.get(i))).toList();
    }

    @GET
    @Path("/reviews-due")
    @RolesAllowed({ Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listReviewsDue", summary = "Active plans whose review is overdue or flagged", description = "Every active plan whose next review day has passed, or that an engagement alert (missed sessions, hours under the minimum) flagged for review; recording a review clears the flag. Windowed by page and size: X-Total-Count says how many in all, and a Link header names the next window. For clinicians and program directors.")
    @APIResponse(responseCode = "200", description = "The plans, the longest overdue first")
    public RestResponse<List<TreatmentPlanView>> reviewsDue(@QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        return ListWindow.of(reviews.dueForReview(calendar.today(), ListWindow.window(page, size))
                .map(TreatmentPlanView::of), uri);
    }

    @POST
    @Path("/{id}/graduate")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "graduatePatient", summary = "Graduate the patient: planned completion", description = "Checks the documented criteria (weeks in the program, share of target hours attended, "
            + "objectives met); refuses with each unmet criterion listed unless an override reason is given. "
            + "Publishes treatment-plan.patient.graduated.")
    @APIResponse(responseCode = "200", description = "The graduated plan")
    @APIResponse(responseCode = "409", description = "Criteria unmet (listed in violations), or the plan is not active")
    public TreatmentPlanView graduate(@PathParam("id") UUID id, @Valid GraduationRequest request) {
        LocalDate on = request == null || request.dischargedOn() == null ? calendar.today()
                : request.dischargedOn();
        return TreatmentPlanView.of(endings.graduate(id, on, request == null ? null : request.overrideReason()));
    }

    @POST
    @Path("/{id}/discharge")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "dischargePatient", summary = "Discharge the patient: any ending but graduation", description = "Publishes treatment-plan.patient.discharged with the reason.")
    @APIResponse(responseCode = "200", description = "The closed plan")
    @APIResponse(responseCode = "409", description = "The episode has already ended")
    public TreatmentPlanView discharge(@PathParam("id") UUID id, @Valid @NotNull DischargeRequest request) {
        LocalDate on = request.dischargedOn() == null ? calendar.today() : request.dischargedOn();
        return TreatmentPlanView.of(endings.discharge(id, request.reason(), on, request.note()));
    }

    @GET
    @Path("/not-admitted")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listNotAdmitted", summary = "A patient's assessments that led to no IOP plan, and why", description = "Every completed assessment of the patient that decided a level of care other than intensive outpatient (2.1), with that level and the reason, oldest first. For clinicians, case managers and program directors.")
    @APIResponse(responseCode = "200", description = "The records")
    public List<NotAdmittedView> notAdmitted(@QueryParam("patientId") @NotNull UUID patientId) {
        return admissions.notAdmitted(patientId).stream().map(NotAdmittedView::of).toList();
    }

    private static EntityTag etag(TreatmentPlan plan) {
        // The plan's one version, as FHIR's versionId gives it: every change moves it on.
        return Versions.etag(plan.version);
    }

    private static Integer versionOf(String ifMatch) {
        return Versions.ifMatch(ifMatch, "plan");
    }
}
