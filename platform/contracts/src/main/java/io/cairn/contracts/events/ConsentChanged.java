package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code intake.consent.changed}: a 42 CFR Part 2 consent for one recipient was given or revoked. Consumers keep a
 * projection of it and disclose records of the listed categories to {@code recipient} only while it is active:
 * status {@code active}, today on or after {@code effectiveFrom} and, when set, on or before {@code expiresOn}.
 *
 * <p>
 * Consumers order a consent's changes by {@code revision}, never by {@code changedAt} (intake replicas' clocks
 * differ), and a revocation is final. A value a later intake adds to an enum reads as {@code null} here rather than
 * failing the event: an unknown status is not active, an unknown category releases nothing, so that a revocation is
 * never parked for a word this consumer does not know.
 *
 * @param recipient the client id of the EHR or organisation the consent names
 * @param expiresOn last day the consent holds, or {@code null} for until revoked
 * @param revision 1 when given, one more with each change of the consent; {@code null} in events published before it
 *        existed (read as 0)
 */
public record ConsentChanged(UUID consentId, UUID patientId, String recipient,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) ConsentPurpose purpose,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) List<RecordCategory> recordCategories,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) ConsentStatus status,
        LocalDate effectiveFrom, LocalDate expiresOn, Instant changedAt, Long revision) implements EventPayload {
}
