package io.cairn.kit.audit;

import java.time.Instant;

/**
 * One entry of a patient's accounting of disclosures (42 CFR Part 2): which recipient received which record when.
 */
public record Disclosure(Instant disclosedAt, String recipient, String resourceType, String resourceId) {
}
