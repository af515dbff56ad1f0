package io.cairn.kit.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a patient's accounting of disclosures (42 CFR Part 2): which recipient received which record when.
 */
@Schema(name = "Disclosure", example = """
        {"disclosedAt":"2026-11-24T12:00:00Z","recipient":"ehr-northside","resourceType":"assessment",
         "resourceId":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90"}""")
public record Disclosure(Instant disclosedAt, String recipient, String resourceType, String resourceId) {
}
