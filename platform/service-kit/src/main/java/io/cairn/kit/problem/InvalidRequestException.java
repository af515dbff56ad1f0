package io.cairn.kit.problem;

import java.util.List;

/** 400 with the fields that were wrong: for rules Bean Validation cannot express, such as screener answers. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(List<Problem.Violation> violations) {
        super(400, "validation", "Bad Request", "The request has invalid values", violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }
}
