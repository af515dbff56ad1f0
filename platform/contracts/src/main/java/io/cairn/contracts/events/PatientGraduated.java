package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code treatment-plan.patient.graduated}: planned completion, goals met. */
public record PatientGraduated(UUID planId, UUID patientId, Instant graduatedAt) implements EventPayload {
}
