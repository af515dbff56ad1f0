package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code aftercare.check-in.recorded}: a scheduled check-in was done, by the case manager or by the patient.
 *
 * @param milestoneDays days after discharge the check-in was due, e.g. 7 or 30
 * @param reached whether the patient was reached
 */
public record CheckInRecorded(UUID checkInId, UUID patientId, UUID aftercareReferralId, int milestoneDays,
        LocalDate contactedOn, boolean reached, Instant recordedAt) implements EventPayload {
}
