package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.approved}: scheduling enrolls the patient in a track meeting {@code weeklyHours}.
 *
 * @param planVersion the approved version of the plan
 * @param preferredSchedule the track the patient can attend, when known
 * @param expectedWeeks how long the program is expected to last, 8–12 weeks
 */
public record PlanApproved(UUID planId, UUID patientId, int planVersion, Population population,
        BigDecimal weeklyHours, PreferredSchedule preferredSchedule, int expectedWeeks, Instant approvedAt)
        implements
            EventPayload {
}
