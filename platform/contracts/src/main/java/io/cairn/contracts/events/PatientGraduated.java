package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code treatment-plan.patient.graduated}: planned completion, goals met; aftercare follows from the discharge date. */
public record PatientGraduated(UUID planId, UUID patientId, LocalDate dischargedOn, AftercareNeeds aftercareNeeds,
        Instant graduatedAt) implements EventPayload {
}
