package io.cairn.kit.problem;

/** 409: the request clashes with the resource's current state (a stale version, a duplicate, a closed episode). */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
