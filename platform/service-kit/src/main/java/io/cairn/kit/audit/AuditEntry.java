package io.cairn.kit.audit;

import java.util.UUID;

/**
 * One access to patient data.
 *
 * @param action what was done, e.g. {@code read}, {@code create}, {@code update}, {@code disclose}
 * @param resourceType e.g. {@code patient}, {@code assessment}
 * @param resourceId the resource's id, or {@code null} for a list
 * @param patientId whose data it is, or {@code null} when not about one patient
 */
public record AuditEntry(String action, String resourceType, String resourceId, UUID patientId, AuditOutcome outcome) {
}
