package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code intake.consent.changed}: a 42 CFR Part 2 consent for one recipient was given or revoked. Consumers keep a
 * projection of it and disclose records of the listed categories to {@code recipient} only while it is active:
 * status {@code active}, today on or after {@code effectiveFrom} and, when set, on or before {@code expiresOn}.
 *
 * @param recipient the client id of the EHR or organisation the consent names
 * @param expiresOn last day the consent holds, or {@code null} for until revoked
 */
public record ConsentChanged(UUID consentId, UUID patientId, String recipient, ConsentPurpose purpose,
        List<RecordCategory> recordCategories, ConsentStatus status, LocalDate effectiveFrom, LocalDate expiresOn,
        Instant changedAt) implements EventPayload {
}
