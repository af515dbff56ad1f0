package io.cairn.fhir;

import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Checks the request a FHIR resource was turned into with the same Bean Validation rules as the JSON API, and names
 * each violation by where it came from in the resource ({@code Patient.birthDate}), not by the request's fields.
 */
public final class ValidRequests {

    private ValidRequests() {
    }

    /**
     * @param expressionOf the FHIRPath of a request field in the resource it came from
     * @throws InvalidRequestException listing every violation
     */
    public static <T> T require(Validator validator, T request, UnaryOperator<String> expressionOf) {
        List<Problem.Violation> violations = validator.validate(request).stream()
                .map(v -> new Problem.Violation(expressionOf.apply(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request;
    }
}
