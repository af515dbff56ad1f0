package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code worklist.task.escalated}: an urgent task nobody claimed in time went to the program director as a task of
 * its own. It names the tasks and the kind of work, nothing of the patient's record.
 *
 * @param taskId the task nobody claimed
 * @param escalationTaskId the program director's task
 * @param kind the kind of the task nobody claimed, e.g. {@code safety-alert}
 * @param openedAt when the unclaimed task appeared
 */
public record TaskEscalated(UUID taskId, UUID escalationTaskId, UUID patientId, String kind, Instant openedAt,
        Instant escalatedAt) implements EventPayload {
}
