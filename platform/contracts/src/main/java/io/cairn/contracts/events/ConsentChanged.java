package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code intake.consent.changed}: a 42 CFR Part 2 consent for one recipient was given, revoked or expired. Consumers
 * keep a projection of it and disclose records to {@code recipient} only while it is active.
 *
 * @param recipient the client id of the EHR or organisation the consent names
 * @param expiresOn last day the consent holds, or {@code null} for until revoked
 */
public record ConsentChanged(UUID consentId, UUID patientId, String recipient, ConsentStatus status,
        LocalDate expiresOn, Instant changedAt) implements EventPayload {
}
