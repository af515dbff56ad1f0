package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code aftercare.relapse.reported}: intake opens an urgent readmission referral.
 *
 * @param checkInId the check-in that reported it, or {@code null} when reported otherwise
 */
public record RelapseReported(UUID patientId, UUID aftercareReferralId, UUID checkInId, Instant reportedAt)
        implements
            EventPayload {
}
