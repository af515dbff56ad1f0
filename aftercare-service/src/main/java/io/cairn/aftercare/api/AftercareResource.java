package io.cairn.aftercare.api;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.api.ApiPaths;
import io.cairn.aftercare.domain.AftercareReferrals;
import io.cairn.aftercare.domain.CheckIns;
import io.cairn.aftercare.domain.Outcomes;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.Created;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.problem.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1)
@Tag(name = "Aftercare", description = "Referrals after discharge, check-ins, relapse reports and outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AftercareResource {

    private final AftercareReferrals referrals;
    private final CheckIns checkIns;
    private final Outcomes outcomes;

    private final ClinicCalendar calendar;

    AftercareResource(AftercareReferrals referrals, CheckIns checkIns, Outcomes outcomes, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.referrals = referrals;
        this.checkIns = checkIns;
        this.outcomes = outcomes;
    }

    @GET
    @Path("aftercare-referrals")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listAftercareReferrals", summary = "A patient's aftercare referrals, newest first", description = "Staff see any patient's; a patient only their own; an EHR client only while a Part 2 consent for aftercare names it, and each such read is a disclosure. Any other patient is answered 404.")
    @APIResponse(responseCode = "200", description = "The referrals with their aftercare plans")
    @APIResponse(responseCode = "404", description = "No such patient, or not one the caller may see")
    public List<AftercareReferralView> list(@QueryParam("patientId") @NotNull UUID patientId) {
        return referrals.ofPatient(patientId).stream().map(AftercareReferralView::of).toList();
    }

    @GET
    @Path("aftercare-referrals/{id}")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getAftercareReferral", summary = "Read an aftercare referral and its plan", description = "With its case manager and the aftercare plan's items. Staff read any referral; a patient only their own; an EHR client only while a Part 2 consent for aftercare names it. Any other referral is answered 404.")
    @APIResponse(responseCode = "200", description = "The referral")
    public AftercareReferralView get(@PathParam("id") UUID id) {
        return AftercareReferralView.of(referrals.get(id));
    }

    @GET
    @Path("aftercare-referrals/{id}/check-ins")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.CLINICIAN, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "listReferralCheckIns", summary = "The referral's check-ins, in due order", description = "Every check-in, scheduled, completed or missed, with what each completed one found. Staff see any referral's; a patient only their own; an EHR client only while a Part 2 consent for aftercare names it. Any other referral is answered 404.")
    @APIResponse(responseCode = "200", description = "The check-ins")
    public List<CheckInView> checkIns(@PathParam("id") UUID id) {
        return checkIns.ofReferral(id).stream().map(CheckInView::of).toList();
    }

    @POST
    @Path("aftercare-referrals/{id}/relapses")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(operationId = "reportRelapse", summary = "Report a relapse outside a check-in", description = "Publishes aftercare.relapse.reported once; intake opens an urgent readmission referral.")
    @APIResponse(responseCode = "201", description = "Reported", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelapseReportView.class)))
    public RestResponse<RelapseReportView> reportRelapse(@PathParam("id") UUID id,
            @Valid @NotNull RelapseRequest request) {
        return Created.at("aftercare-referrals/" + id, RelapseReportView.of(checkIns.reportRelapse(id, request.note())));
    }

    @GET
    @Path("check-ins")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listDueCheckIns", summary = "Check-ins open or past due on a day (today by default)", description = "Scheduled check-ins whose window has opened by that day, earliest due first; a recorded or missed one leaves the list. Windowed: X-Total-Count and a Link to the next window. Each check-in answered is audited.")
    @APIResponse(responseCode = "200", description = "The case managers' list, earliest due first")
    public RestResponse<List<CheckInView>> due(@QueryParam("on") LocalDate on, @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        return ListWindow.of(checkIns.due(on != null ? on : calendar.today(), ListWindow.window(page, size))
                .map(CheckInView::of), uri);
    }

    @POST
    @Path("check-ins/{id}/outcome")
    @RolesAllowed({ Roles.CASE_MANAGER, Roles.PATIENT })
    @Operation(operationId = "recordCheckIn", summary = "Record what a check-in found", description = "A patient records their own from the app. A relapse publishes aftercare.relapse.reported.")
    @APIResponse(responseCode = "200", description = "The completed check-in")
    @APIResponse(responseCode = "409", description = "Already recorded")
    public CheckInView record(@PathParam("id") UUID id, @Valid @NotNull CheckInRequest request) {
        return CheckInView.of(checkIns.record(id, new CheckIns.Outcome(request.contactedOn(), request.reached(),
                request.useSinceLast(), request.relapse(), request.phq9Answers(), request.gad7Answers(),
                request.supportGroupMeetings(), request.housing(), request.employment(), request.nextSteps())));
    }

    @GET
    @Path("outcomes")
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "getOutcomes", summary = "Follow-up, check-in, relapse, readmission and program completion figures", description = "Follow-up, check-ins, relapse and readmissions for the patients referred to aftercare with a discharge date between from and to (inclusive); completion, the PHQ-9/GAD-7 change at discharge and the hours by track for the episodes of the program that ended in that range.")
    @APIResponse(responseCode = "200", description = "The figures")
    public Outcomes.Report outcomes(@QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return outcomes.between(from, to);
    }
}
