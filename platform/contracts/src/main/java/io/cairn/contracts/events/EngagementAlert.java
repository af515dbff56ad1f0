package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code scheduling.engagement.alert}: missed sessions or hours under the minimum flag the plan for review.
 *
 * @param isoWeek the ISO week counted, e.g. {@code 2026-W48}
 */
public record EngagementAlert(UUID patientId, EngagementRisk risk, String isoWeek, BigDecimal hoursAttended,
        BigDecimal minimumHours, int missedSessions, Instant raisedAt) implements EventPayload {
}
