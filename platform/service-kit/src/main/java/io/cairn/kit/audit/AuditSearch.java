package io.cairn.kit.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A program director's search of one service's audit log. Every filter is optional; the answer is newest first, at
 * most {@code size} records, all written before the record {@code before} (the cursor a previous answer ended at).
 *
 * @param user the user the record names (a staff member, a patient, or an EHR's service account)
 * @param clientId the OIDC client the caller used
 * @param agent the user or the client: FHIR's {@code agent}
 * @param from the earliest time, included
 * @param to the latest time, excluded
 * @param before only records with a smaller id: older ones
 */
public record AuditSearch(UUID patientId, String user, String clientId, String agent, String action,
        String resourceType, Instant from, Instant to, Long before, int size) {
}
