package io.cairn.scheduling.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AttendanceMode;
import io.cairn.scheduling.domain.AttendanceRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/attendance")
@Tag(name = "Attendance", description = "Who attended which session, and for how long")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttendanceResource {

    private final AttendanceRegister register;

    AttendanceResource(AttendanceRegister register) {
        this.register = register;
    }

    @POST
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "recordAttendance", summary = "Record attendance of a session, one or many patients", description = "All records or none. Each publishes scheduling.attendance.recorded; recording a patient "
            + "again corrects the record.")
    @APIResponse(responseCode = "200", description = "The records as kept")
    @APIResponse(responseCode = "409", description = "A patient is not booked in the session")
    public List<AttendanceView> record(@Valid @NotNull AttendanceRequest request) {
        return register.record(request.sessionId(), request.records().stream()
                .map(m -> new AttendanceRegister.Mark(m.patientId(), m.status(), m.minutesAttended(),
                        m.mode() == null ? AttendanceMode.IN_PERSON : m.mode()))
                .toList())
                .stream().map(AttendanceView::of).toList();
    }
}
