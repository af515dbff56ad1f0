package io.cairn.kit.audit;

/** How an access to patient data ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused: wrong role, another patient's record, or no Part 2 consent for the recipient. */
    DENIED,
    NOT_FOUND,
    FAILED
}
