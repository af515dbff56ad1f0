package io.cairn.billing.domain;

import io.cairn.kit.consent.NoDisclosures;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Billing is the clinic's own work: it discloses nothing to an EHR client yet, and keeps no copy of intake's consents.
 * Claims, which disclose to payers under a payment consent, come with their own check.
 */
@ApplicationScoped
public class StaffOnly extends NoDisclosures {
}
