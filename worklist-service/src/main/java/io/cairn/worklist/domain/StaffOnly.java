package io.cairn.worklist.domain;

import io.cairn.kit.consent.NoDisclosures;
import jakarta.enterprise.context.ApplicationScoped;

/** The worklist is the care team's: it discloses nothing to an EHR client, and keeps no copy of intake's consents. */
@ApplicationScoped
public class StaffOnly extends NoDisclosures {
}
