package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.approved}: scheduling enrolls the patient in a track meeting {@code weeklyHours}.
 *
 * @param planVersion the approved version of the plan
 * @param preferredSchedule the track the patient can attend, when known
 * @param expectedWeeks how long the program is expected to last, 8–12 weeks
 * @param nextReviewDue when the first review is due; {@code null} in events from before it was added
 */
public record PlanApproved(UUID planId, UUID patientId, int planVersion, Population population,
        BigDecimal weeklyHours, PreferredSchedule preferredSchedule, int expectedWeeks, LocalDate nextReviewDue,
        Instant approvedAt)
        implements
            EventPayload {
}
