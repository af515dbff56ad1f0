package io.cairn.kit.audit;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes each record disclosed to an EHR client as this service's {@code disclosure.recorded} event, in the
 * transaction of its audit record: the patient's accounting of disclosures, which intake keeps from every service's
 * events, then misses none, and holds none that did not happen.
 */
@ApplicationScoped
public class Disclosures {

    private final Outbox outbox;
    private final Caller caller;
    private final String service;
    private final Optional<EventType> type;

    Disclosures(Outbox outbox, Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.caller = caller;
        this.service = service;
        this.type = EventType.of(AuditTrail.serviceOf(service), DisclosureRecorded.class);
    }

    /** The caller, an EHR client, received the record under {@code consentId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(RecordCategory category, String resourceType, String resourceId, UUID patientId,
            UUID consentId) {
        EventType published = type.orElseThrow(() -> new IllegalStateException(service
                + " has no disclosure.recorded event, so it may disclose nothing"));
        String recipient = caller.clientId().orElseThrow(() -> new IllegalStateException(
                "A disclosure needs the recipient's client id"));
        outbox.publish(published, new DisclosureRecorded(UUID.randomUUID(), patientId, recipient, category,
                resourceType, resourceId, consentId, Instant.now()));
    }
}
