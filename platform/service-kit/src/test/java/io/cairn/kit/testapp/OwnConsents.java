package io.cairn.kit.testapp;

import io.cairn.kit.consent.NoDisclosures;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The test app discloses to no EHR under a consent, and keeps no copy of intake's consents (the projection is tested
 * in treatment-plan).
 */
@ApplicationScoped
public class OwnConsents extends NoDisclosures {
}
