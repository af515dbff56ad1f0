package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.reviewed}: the clinician held the plan's review; the next one is due on
 * {@code nextReviewDue}.
 */
public record PlanReviewed(UUID planId, UUID patientId, UUID reviewId, LocalDate heldOn, LocalDate nextReviewDue,
        Instant reviewedAt) implements EventPayload {
}
