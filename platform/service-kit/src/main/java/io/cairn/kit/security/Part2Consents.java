package io.cairn.kit.security;

import io.cairn.contracts.events.RecordCategory;
import java.util.Optional;
import java.util.UUID;

/**
 * The service's view of 42 CFR Part 2 consents (intake owns them; the other services keep a projection from
 * {@code intake.consent.changed}). A service without one discloses nothing to EHR clients.
 */
public interface Part2Consents {

    /**
     * The consent of the patient, active today, that lets {@code recipient} have records of {@code category}: the one
     * a disclosure relies on, and the patient's accounting names.
     */
    Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category);

    /**
     * Refuses when this view may be behind the consents intake holds (a projection with no recent word from intake):
     * no answer it gives an EHR can be trusted then. Intake's own view is always current.
     *
     * @throws io.cairn.kit.problem.ProblemException a 503 the EHR may retry
     */
    default void requireCurrent() {
    }

    /** Whether a consent of the patient, active today, lets {@code recipient} have records of {@code category}. */
    default boolean allowsDisclosure(UUID patientId, String recipient, RecordCategory category) {
        return consentFor(patientId, recipient, category).isPresent();
    }
}
