package io.cairn.kit.audit;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.problem.InvalidParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit log, for program directors. Every service answers for its own log; the gateway merges them into one,
 * newest first, with a cursor of its own.
 */
@Path(ApiPaths.V1 + "/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed which patient's data, when, and how it ended")
public class AuditEventResource {

    private final AuditTrail trail;

    AuditEventResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "listAuditEvents", summary = "Search the audit log, newest first", description = "Every "
            + "service's audit log in one list: filters combine, and reading the log is itself recorded in it. The "
            + "list is paged by cursor: while there may be more, a Link header with rel=\"next\" names the next "
            + "page.")
    @APIResponse(responseCode = "200", description = "One page of audit records, newest first")
    public RestResponse<List<AuditEventView>> search(
            @Parameter(description = "Only records about this patient") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "Only records of this user (a user name, or an EHR client's service account)") @QueryParam("user") @Size(min = 1, max = 200) String user,
            @Parameter(description = "Only records of calls through this OIDC client") @QueryParam("clientId") @Size(min = 1, max = 200) String clientId,
            @Parameter(description = "Only this action, e.g. read, disclose, create") @QueryParam("action") @Size(min = 1, max = 50) String action,
            @Parameter(description = "Only this kind of record, e.g. patient, treatment-plan") @QueryParam("resourceType") @Size(min = 1, max = 100) String resourceType,
            @Parameter(description = "Only records at or after this time") @QueryParam("from") Instant from,
            @Parameter(description = "Only records before this time") @QueryParam("to") Instant to,
            @Parameter(description = "Where the previous page ended, from its Link header") @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        int window = size == null ? ListWindow.DEFAULT_SIZE : size;
        List<AuditEventView> page = trail.search(new AuditSearch(patientId, user, clientId, null, action,
                resourceType, from, to, cursor == null ? null : AuditTrail.before(cursor), window)).stream()
                .map(record -> AuditEventView.of(record, trail.service())).toList();
        RestResponse.ResponseBuilder<List<AuditEventView>> answer = RestResponse.ResponseBuilder.ok(page);
        if (page.size() == window) {
            answer.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.get(
                    page.size() - 1).id()).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
