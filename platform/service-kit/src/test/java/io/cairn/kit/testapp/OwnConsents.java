package io.cairn.kit.testapp;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.Part2Consents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The test app holds its consents itself, as intake does (none): always current, unlike the projection the other
 * services keep of intake's (tested in treatment-plan).
 */
@ApplicationScoped
public class OwnConsents implements Part2Consents {

    @Override
    public Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category) {
        return Optional.empty();
    }
}
