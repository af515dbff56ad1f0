package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code aftercare.referral.created}: follow-up begins; check-ins are due {@code checkInDays} after discharge.
 *
 * @param planId the treatment plan whose episode ended
 * @param outreach a discharge against medical advice: a first contact is due by {@code firstContactDueBy}
 * @param firstContactDueBy for outreach, 72 hours after the discharge was recorded; otherwise {@code null}
 */
public record AftercareReferralCreated(UUID aftercareReferralId, UUID patientId, UUID planId,
        LocalDate dischargedOn, List<Integer> checkInDays, boolean outreach, Instant firstContactDueBy,
        Instant createdAt) implements EventPayload {
}
