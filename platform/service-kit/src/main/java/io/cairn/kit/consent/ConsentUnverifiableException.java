package io.cairn.kit.consent;

import io.cairn.kit.problem.ProblemException;

/**
 * An EHR read this service cannot decide: its copy of intake's consents may be behind (no recent checkpoint from
 * intake's relay: a broker outage, a lagging consumer). Refused whatever the patient, so it says nothing of who is in
 * the program; the EHR retries once the copy is current.
 */
public class ConsentUnverifiableException extends ProblemException {

    public ConsentUnverifiableException() {
        super(503, "consent-unverifiable", "Consent Cannot Be Verified",
                "This service cannot confirm just now that a Part 2 consent lets you have these records: its copy of "
                        + "the patient's consents is not known to be current. Retry shortly");
    }

    @Override
    public int retryAfterSeconds() {
        return 15;
    }
}
