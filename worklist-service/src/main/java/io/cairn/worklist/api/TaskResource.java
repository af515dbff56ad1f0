package io.cairn.worklist.api;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.security.Caller;
import io.cairn.worklist.domain.TaskFilter;
import io.cairn.worklist.domain.TaskKind;
import io.cairn.worklist.domain.TaskPriority;
import io.cairn.worklist.domain.TaskStatus;
import io.cairn.worklist.domain.Tasks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The care team's worklist. Staff only: a patient or an EHR client sees none of it. */
@Path(ApiPaths.V1 + "/tasks")
@Tag(name = "Worklist", description = "What needs the care team now: safety alerts, approvals, reviews, engagement, check-ins, urgent referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.INTAKE_COORDINATOR, Roles.SCHEDULER,
        Roles.PROGRAM_DIRECTOR })
public class TaskResource {

    static final String ME = "me";

    private final Tasks tasks;
    private final Caller caller;

    TaskResource(Tasks tasks, Caller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listTasks", summary = "The worklist: open tasks, most urgent and earliest due first", description = "Filters combine. Windowed: X-Total-Count and a Link to the next window. Each task answered is audited.")
    @APIResponse(responseCode = "200", description = "One window of the tasks")
    public RestResponse<List<TaskView>> list(@QueryParam("kind") TaskKind kind,
            @QueryParam("priority") TaskPriority priority, @QueryParam("patientId") UUID patientId,
            @Parameter(description = "A user name, or me") @QueryParam("assignee") @Size(min = 1, max = 200) String assignee,
            @Parameter(description = "The role that works the task, e.g. clinician") @QueryParam("role") RoleName role,
            @Parameter(description = "open and claimed unless given; repeat for several") @QueryParam("status") Set<TaskStatus> status,
            @Parameter(description = "Only tasks due before this time") @QueryParam("dueBefore") Instant dueBefore,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(ListWindow.MAX_SIZE) Integer size, @Context UriInfo uri) {
        TaskFilter filter = new TaskFilter(kind, priority, patientId, ME.equals(assignee) ? caller.name() : assignee,
                role == null ? null : role.role(),
                status == null || status.isEmpty() ? TaskStatus.stillOpen() : status,
                dueBefore);
        return ListWindow.of(tasks.list(filter, ListWindow.window(page, size)).map(TaskView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTask", summary = "Read a task", description = "Staff read the tasks of their own roles; the program director reads all of them. Any other task is answered 404. The read is audited.")
    @APIResponse(responseCode = "200", description = "The task")
    public TaskView get(@PathParam("id") UUID id) {
        return TaskView.of(tasks.get(id));
    }

    @POST
    @Path("{id}/claim")
    @Operation(operationId = "claimTask", summary = "Take the task on", description = "Claiming an urgent task stops its escalation.")
    @APIResponse(responseCode = "200", description = "The task, claimed by the caller")
    @APIResponse(responseCode = "409", description = "Claimed by someone else, closed, or changed since the version sent")
    public TaskView claim(@PathParam("id") UUID id, @Valid @NotNull TaskActions.Claim request) {
        return TaskView.of(tasks.claim(id, request.version()));
    }

    @POST
    @Path("{id}/assign")
    @Operation(operationId = "assignTask", summary = "Hand the task to someone, or back to the role's list", description = "Staff of the task's role, or the program director, hand it to a named person, who then holds it as claimed, or with no assignee back to the role's list, open. Send the version you read (409 when the task changed since); a completed or resolved task can no longer change.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "409", description = "Closed, or changed since the version sent")
    public TaskView assign(@PathParam("id") UUID id, @Valid @NotNull TaskActions.Assign request) {
        return TaskView.of(tasks.assign(id, request.version(), request.assignee()));
    }

    @POST
    @Path("{id}/complete")
    @Operation(operationId = "completeTask", summary = "Close the task with its outcome", description = "Staff of the task's role, or the program director, close it. A safety alert takes safety-plan-made, crisis-referral, emergency-services or not-reached; an escalation one of those or done; any other task done or not-reached (400 otherwise). Send the version you read (409 when the task changed since); a completed or resolved task can no longer change.")
    @APIResponse(responseCode = "200", description = "The completed task")
    @APIResponse(responseCode = "409", description = "Already closed, or changed since the version sent")
    public TaskView complete(@PathParam("id") UUID id, @Valid @NotNull TaskActions.Complete request) {
        return TaskView.of(tasks.complete(id, request.version(), request.outcome(), request.note()));
    }
}
