package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code treatment-plan.patient.discharged}: the episode ended other than by graduation. */
public record PatientDischarged(UUID planId, UUID patientId, DischargeReason reason, Instant dischargedAt)
        implements
            EventPayload {
}
