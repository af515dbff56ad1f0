package io.cairn.worklist.api;

import io.cairn.worklist.domain.CareTask;
import io.cairn.worklist.domain.TaskKind;
import io.cairn.worklist.domain.TaskOutcome;
import io.cairn.worklist.domain.TaskPriority;
import io.cairn.worklist.domain.TaskStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task on the care team's worklist. */
@Schema(name = "TaskView", example = """
        {"id":"0b6c7f9e-3d1a-4c55-9a0e-6f2b8d4c1a77","kind":"safety-alert","priority":"urgent","status":"open",
         "patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","role":"clinician",
         "title":"Safety alert: PHQ-9 item 9 (self harm thoughts) at a check-in",
         "about":"/api/v1/aftercare-referrals?patientId=6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","assignee":null,
         "opensAt":"2027-01-28T14:02:11Z","dueAt":"2027-01-28T14:02:11Z","createdAt":"2027-01-28T14:02:11Z",
         "claimedAt":null,"closedAt":null,"closedBy":null,"outcome":null,"outcomeNote":null,"escalatedAt":null,
         "escalationOf":null,"version":0}""")
public record TaskView(UUID id, TaskKind kind, TaskPriority priority, TaskStatus status, UUID patientId,
        @Schema(description = "The role whose members work it") String role, String title,
        @Schema(description = "Where in the API the work is done") String about,
        @Schema(nullable = true, description = "Who holds it; null while nobody does") String assignee,
        Instant opensAt, Instant dueAt, Instant createdAt, @Schema(nullable = true) Instant claimedAt,
        @Schema(nullable = true) Instant closedAt, @Schema(nullable = true) String closedBy,
        @Schema(nullable = true) TaskOutcome outcome, @Schema(nullable = true) String outcomeNote,
        @Schema(nullable = true, description = "When it went to the program director, unclaimed") Instant escalatedAt,
        @Schema(nullable = true, description = "For an escalation: the task nobody claimed") UUID escalationOf,
        @Schema(description = "Send it back with an action: a task that changed since is a 409") int version) {

    static TaskView of(CareTask t) {
        return new TaskView(t.id, t.kind, t.priority, t.status, t.patientId, t.role, t.title, t.about, t.assignee,
                t.opensAt, t.dueAt, t.createdAt, t.claimedAt, t.closedAt, t.closedBy, t.outcome, t.outcomeNote,
                t.escalatedAt, t.escalationOf, t.version);
    }
}
