package io.cairn.scheduling.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.security.PatientAccess;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.scheduling.domain.Hours;
import io.cairn.scheduling.domain.PatientSchedules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1)
@Tag(name = "Schedules and hours", description = "A patient's sessions and weekly hours; who is under target")
public class PatientScheduleResource {

    private final PatientSchedules schedules;
    private final Hours hours;
    private final PatientAccess access;
    private final ClinicCalendar calendar;

    PatientScheduleResource(PatientSchedules schedules, Hours hours, PatientAccess access, ClinicCalendar calendar) {
        this.schedules = schedules;
        this.hours = hours;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Path("patients/{id}/schedule")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getPatientSchedule", summary = "The patient's booked sessions from today on", description = "Every session the patient holds a place in that is still to come or ended less than a day "
            + "ago; released places are left out. A patient reads only their own schedule, an EHR client only while a "
            + "Part 2 consent for attendance names it; otherwise 404.")
    @APIResponse(responseCode = "200", description = "The sessions, earliest first")
    public List<SessionView> schedule(@PathParam("id") UUID patientId) {
        return schedules.upcoming(patientId).stream().map(SessionView::of).toList();
    }

    @GET
    @Path("patients/{id}/schedule.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getPatientScheduleCalendar", summary = "The same schedule as an iCalendar feed", description = "The sessions of getPatientSchedule as an RFC 5545 feed a phone calendar can subscribe to: "
            + "one event per session with its title, start and end, and the location or telehealth link when set. The "
            + "same access rules as the schedule.")
    @APIResponse(responseCode = "200", description = "text/calendar for phone calendars")
    public String calendar(@PathParam("id") UUID patientId) {
        return ICalendar.of(schedules.upcoming(patientId));
    }

    @GET
    @Path("patients/{id}/hours")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR,
            Roles.EHR_INTEGRATION })
    @Operation(operationId = "getPatientHours", summary = "Hours attended per ISO week against the target", description = "Each ISO week with recorded attendance, and the current week, oldest first; absences count "
            + "no hours. The target is the weekly hours of the patient's latest enrollment not on the waitlist (0 when "
            + "there is none). A patient reads only their own hours, an EHR client only while a Part 2 consent for "
            + "attendance names it; otherwise 404.")
    @APIResponse(responseCode = "200", description = "Each week with its compliance: met, in-progress, under-target")
    public List<Hours.Week> hours(@PathParam("id") UUID patientId) {
        access.read(RecordCategory.ATTENDANCE, "weekly-hours", patientId, patientId);
        return hours.weeks(patientId);
    }

    @GET
    @Path("hours/under-target")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listPatientsUnderTarget", summary = "Everyone enrolled under their target in a week", description = "This ISO week (so far) unless isoWeek is given, e.g. 2026-W48.")
    @APIResponse(responseCode = "200", description = "The patients with their hours and target, by patient id")
    public RestResponse<List<Hours.PatientUnderTarget>> underTarget(@QueryParam("isoWeek") String isoWeek,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size,
            @Context UriInfo uri) {
        if (isoWeek != null && !isoWeek.matches("\\d{4}-W\\d{2}")) {
            throw new io.cairn.kit.problem.InvalidParameterException("isoWeek", "must be an ISO week, e.g. 2026-W48");
        }
        return ListWindow.of(hours.underTarget(isoWeek != null ? isoWeek : ClinicCalendar.isoWeek(calendar.today()),
                ListWindow.window(page, size)), uri);
    }
}
