package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.approved}: scheduling enrolls the patient in a track meeting {@code weeklyHours}.
 *
 * @param planVersion the approved version of the plan
 */
public record PlanApproved(UUID planId, UUID patientId, int planVersion, Population population,
        BigDecimal weeklyHours, Instant approvedAt) implements EventPayload {
}
