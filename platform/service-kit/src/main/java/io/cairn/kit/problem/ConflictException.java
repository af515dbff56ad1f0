package io.cairn.kit.problem;

import java.util.List;

/** 409: the request clashes with the resource's current state (a stale version, a duplicate, a closed episode). */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail);
    }

    /** @param unmet each rule the current state does not meet, e.g. graduation criteria */
    public ConflictException(String detail, List<Problem.Violation> unmet) {
        super(409, "conflict", "Conflict", detail, unmet);
    }
}
