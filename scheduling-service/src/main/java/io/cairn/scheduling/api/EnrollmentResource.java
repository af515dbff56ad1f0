package io.cairn.scheduling.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.contracts.Roles;
import io.cairn.kit.api.ListWindow;
import io.cairn.scheduling.domain.EnrollmentStatus;
import io.cairn.scheduling.domain.Enrollments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path(ApiPaths.V1 + "/enrollments")
@Tag(name = "Enrollments", description = "Patients placed in tracks from approved plans, and the waitlist")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    private final Enrollments enrollments;

    EnrollmentResource(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR })
    @Operation(operationId = "listEnrollments", summary = "Enrollments, by patient and status", description = "status=waitlisted lists who waits for a track, and why.")
    @APIResponse(responseCode = "200", description = "The enrollments")
    public RestResponse<List<EnrollmentView>> list(@QueryParam("patientId") UUID patientId,
            @QueryParam("status") EnrollmentStatus status, @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        return ListWindow.of(enrollments.list(patientId, status, ListWindow.window(page, size))
                .map(EnrollmentView::of), uri);
    }
}
