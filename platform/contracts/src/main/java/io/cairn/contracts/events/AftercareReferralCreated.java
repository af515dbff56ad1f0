package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code aftercare.referral.created}: follow-up begins; check-ins are due {@code checkInDays} after discharge.
 *
 * @param planId the treatment plan whose episode ended
 */
public record AftercareReferralCreated(UUID aftercareReferralId, UUID patientId, UUID planId,
        LocalDate dischargedOn, List<Integer> checkInDays, Instant createdAt) implements EventPayload {
}
