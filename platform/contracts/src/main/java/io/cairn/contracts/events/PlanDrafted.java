package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code treatment-plan.plan.drafted}: a plan was drafted from an assessment and waits for a clinician. */
public record PlanDrafted(UUID planId, UUID patientId, UUID assessmentId, Instant draftedAt) implements EventPayload {
}
