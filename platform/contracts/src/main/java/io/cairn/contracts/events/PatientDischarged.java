package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code treatment-plan.patient.discharged}: the episode ended other than by graduation. Against medical advice,
 * aftercare reaches out within 72 hours.
 */
public record PatientDischarged(UUID planId, UUID patientId, DischargeReason reason, LocalDate dischargedOn,
        AftercareNeeds aftercareNeeds, Instant dischargedAt) implements EventPayload {
}
