package io.cairn.worklist.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a worklist request asks for; a {@code null} field does not filter.
 *
 * @param statuses open and claimed unless asked otherwise
 * @param assignee a user name, already resolved from {@code me}
 * @param dueBefore only tasks due before this time
 */
public record TaskFilter(TaskKind kind, TaskPriority priority, UUID patientId, String assignee, String role,
        Set<TaskStatus> statuses, Instant dueBefore) {
}
