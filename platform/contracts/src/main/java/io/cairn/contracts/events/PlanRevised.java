package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.revised}: a change of an active plan, acknowledged by the patient and approved by a
 * clinician, is now in force; scheduling holds the patient's enrollment to its weekly hours and schedule (another
 * track when the current one cannot give them).
 *
 * @param planVersion the version now in force
 */
public record PlanRevised(UUID planId, UUID patientId, int planVersion, Population population,
        BigDecimal weeklyHours, PreferredSchedule preferredSchedule, int expectedWeeks, Instant revisedAt)
        implements
            EventPayload {
}
