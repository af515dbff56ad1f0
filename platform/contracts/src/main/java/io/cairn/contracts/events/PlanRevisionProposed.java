package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.plan.revision-proposed}: an active plan has a change that waits for the patient's
 * acknowledgment and a clinician's approval (a clinician's edit, a review's revision, or a re-assessment's); the
 * worklist asks a clinician to see it through. {@code treatment-plan.plan.revised} follows once it is approved.
 *
 * @param planVersion the version that waits
 * @param assessmentId the re-assessment it was drafted from, or {@code null} for a clinician's change
 */
public record PlanRevisionProposed(UUID planId, UUID patientId, int planVersion, UUID assessmentId,
        Instant proposedAt) implements EventPayload {
}
