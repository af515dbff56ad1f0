package io.cairn.intake.api;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.domain.DisclosureAccounting;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a patient's accounting of disclosures (42 CFR Part 2): which recipient received which record, when,
 * from which service, under which consent and for what purpose.
 */
@Schema(name = "Disclosure", example = """
        {"disclosedAt":"2026-11-24T12:00:00Z","recipient":"ehr-northside","service":"treatment-plan",
         "recordCategory":"treatment-plans","resourceType":"treatment-plan",
         "resourceId":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90","consentId":"7f1e9c2a-4b3d-4e5f-8a6b-1c2d3e4f5a6b",
         "purpose":"care-coordination"}""")
public record DisclosureView(Instant disclosedAt, String recipient,
        @Schema(description = "The service that disclosed the record: intake, treatment-plan, scheduling or aftercare") String service,
        RecordCategory recordCategory, String resourceType, String resourceId,
        @Schema(description = "The Part 2 consent the disclosure relied on") UUID consentId,
        @Schema(nullable = true) ConsentPurpose purpose) {

    static DisclosureView of(DisclosureAccounting.Entry entry) {
        return new DisclosureView(entry.disclosedAt(), entry.recipient(), entry.service(), entry.recordCategory(),
                entry.resourceType(), entry.resourceId(), entry.consentId(), entry.purpose());
    }
}
