package io.cairn.kit.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of a service's audit log, as the audit reader answers it.
 *
 * @param id the record's place in this service's log: a later record has a larger one
 */
public record AuditRecord(long id, Instant occurredAt, String user, List<String> roles, String clientId,
        String action, String resourceType, String resourceId, UUID patientId, AuditOutcome outcome, String traceId) {
}
