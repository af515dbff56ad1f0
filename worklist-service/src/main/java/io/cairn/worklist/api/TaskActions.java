package io.cairn.worklist.api;

import io.cairn.worklist.domain.TaskOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the staff's actions on a task; each may name the version it acts on. */
final class TaskActions {

    private TaskActions() {
    }

    @Schema(name = "ClaimTaskRequest", example = "{\"version\":0}")
    record Claim(@Schema(description = "The version acted on; 409 when the task changed since") Integer version) {
    }

    @Schema(name = "AssignTaskRequest", example = "{\"version\":1,\"assignee\":\"case-manager\"}")
    record Assign(Integer version,
            @Schema(nullable = true, description = "The user name to hand it to; null puts it back on the role's list") @Size(min = 1, max = 200) @Pattern(regexp = "[^\\p{Cc}]+", message = "must not contain control characters") String assignee) {
    }

    @Schema(name = "CompleteTaskRequest", example = """
            {"version":1,"outcome":"safety-plan-made","note":"Reached by phone; safety plan reviewed with partner present"}""")
    record Complete(Integer version,
            @Schema(description = "A safety alert: safety-plan-made, crisis-referral, emergency-services or not-reached; other tasks: done or not-reached") @NotNull TaskOutcome outcome,
            @Size(max = 4000) String note) {
    }
}
