package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code intake.referral.received}: someone asked to admit the patient.
 *
 * @param readmissionOf the earlier episode's referral when this is a readmission, else {@code null}
 */
public record ReferralReceived(UUID referralId, UUID patientId, ReferralSource source, boolean urgent,
        UUID readmissionOf, Instant receivedAt) implements EventPayload {
}
