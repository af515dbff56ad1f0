package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code treatment-plan.patient.discharged}: the episode ended other than by graduation. Against medical advice,
 * aftercare reaches out within 72 hours.
 *
 * @param measuresAtEnd where the PHQ-9 and GAD-7 series stood at the end; empty in events published before it was
 *        added
 * @param hoursAtEnd the hours attended against those asked for, and the track; null in events published before it
 *        was added
 */
public record PatientDischarged(UUID planId, UUID patientId, DischargeReason reason, LocalDate dischargedOn,
        AftercareNeeds aftercareNeeds, Instant dischargedAt, List<MeasureAtEnd> measuresAtEnd,
        ProgramHours hoursAtEnd) implements EventPayload {

    public PatientDischarged {
        // An event published before the series were sent has none: the same as an episode without them.
        measuresAtEnd = measuresAtEnd == null ? List.of() : List.copyOf(measuresAtEnd);
    }

    public PatientDischarged(UUID planId, UUID patientId, DischargeReason reason, LocalDate dischargedOn,
            AftercareNeeds aftercareNeeds, Instant dischargedAt) {
        this(planId, patientId, reason, dischargedOn, aftercareNeeds, dischargedAt, List.of(), null);
    }
}
