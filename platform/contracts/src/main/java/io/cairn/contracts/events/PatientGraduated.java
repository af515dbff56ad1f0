package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code treatment-plan.patient.graduated}: planned completion, goals met; aftercare follows from the discharge date.
 *
 * @param measuresAtEnd where the PHQ-9 and GAD-7 series stood at the end; empty in events published before it was
 *        added
 * @param hoursAtEnd the hours attended against those asked for, and the track; null in events published before it
 *        was added
 */
public record PatientGraduated(UUID planId, UUID patientId, LocalDate dischargedOn, AftercareNeeds aftercareNeeds,
        Instant graduatedAt, List<MeasureAtEnd> measuresAtEnd, ProgramHours hoursAtEnd) implements EventPayload {

    public PatientGraduated {
        // An event published before the series were sent has none: the same as an episode without them.
        measuresAtEnd = measuresAtEnd == null ? List.of() : List.copyOf(measuresAtEnd);
    }

    public PatientGraduated(UUID planId, UUID patientId, LocalDate dischargedOn, AftercareNeeds aftercareNeeds,
            Instant graduatedAt) {
        this(planId, patientId, dischargedOn, aftercareNeeds, graduatedAt, List.of(), null);
    }
}
