package io.cairn.kit.consent;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.Part2Consents;
import java.util.Optional;
import java.util.UUID;

/**
 * The consents of a service that discloses nothing to EHR clients (the worklist is for staff): none, always current.
 * Such a service declares a bean of it, which replaces the projection of intake's consents it does not keep, and
 * would otherwise refuse an EHR a 503 where a 403 or an empty answer is the truth.
 */
public abstract class NoDisclosures implements Part2Consents {

    @Override
    public Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category) {
        return Optional.empty();
    }
}
