package io.cairn.kit.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record of the audit log: who did what to which patient's data, through which client, when, and how it ended. */
@Schema(name = "AuditEvent", example = """
        {"id":1042,"service":"treatment-plan","occurredAt":"2026-12-05T14:03:27.512204Z","user":"dr-okafor",
         "roles":["clinician"],"clientId":"cairn-web","action":"read","resourceType":"treatment-plan",
         "resourceId":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90","patientId":"5b1f0c3e-8a2d-4f6b-9c7e-0d1a2b3c4d5e",
         "outcome":"SUCCESS","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}""")
public record AuditEventView(
        @Schema(description = "The record's place in its service's log; with service, it names the record") long id,
        @Schema(description = "The service that kept the record: intake, treatment-plan, scheduling, aftercare or worklist") String service,
        Instant occurredAt,
        @Schema(description = "The user: a staff member, a patient, or an EHR client's service account") String user,
        List<String> roles,
        @Schema(nullable = true, description = "The OIDC client the user called through, when the token names one") String clientId,
        @Schema(description = "read, search, create, update, disclose (a read by an EHR client under a Part 2 consent), ...") String action,
        String resourceType,
        @Schema(nullable = true, description = "Null for a search, which names no one record") String resourceId,
        @Schema(nullable = true, description = "Null when the action was about no one patient") UUID patientId,
        @Schema(description = "SUCCESS, DENIED (refused), NOT_FOUND or FAILED") AuditOutcome outcome,
        @Schema(nullable = true, description = "The OpenTelemetry trace of the request, when it had one") String traceId) {

    static AuditEventView of(AuditRecord record, String service) {
        return new AuditEventView(record.id(), service, record.occurredAt(), record.user(), record.roles(),
                record.clientId(), record.action(), record.resourceType(), record.resourceId(), record.patientId(),
                record.outcome(), record.traceId());
    }
}
