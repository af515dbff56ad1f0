package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code <service>.disclosure.recorded}: a service disclosed one of a patient's records to an outside recipient under a
 * 42 CFR Part 2 consent. Published in the transaction that disclosed it, so the patient's accounting of disclosures,
 * which intake keeps from every service's events, misses none.
 *
 * @param disclosureId the disclosure's own id, stable across redeliveries
 * @param recipient the client id of the EHR that received the record
 * @param resourceType what was disclosed, e.g. {@code treatment-plan}, {@code Appointment}
 * @param consentId the consent the disclosure relied on (intake, which owns it, knows its purpose)
 */
public record DisclosureRecorded(UUID disclosureId, UUID patientId, String recipient, RecordCategory recordCategory,
        String resourceType, String resourceId, UUID consentId, Instant disclosedAt)
        implements
            EventPayload {
}
