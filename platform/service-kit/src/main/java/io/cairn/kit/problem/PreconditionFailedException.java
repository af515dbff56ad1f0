package io.cairn.kit.problem;

/** 412: the {@code If-Match} version is not the resource's current one. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(412, "precondition-failed", "Precondition Failed", detail);
    }
}
