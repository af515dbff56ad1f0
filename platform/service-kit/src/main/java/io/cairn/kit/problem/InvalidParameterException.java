package io.cairn.kit.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query parameter whose value cannot be read, e.g. {@code ?patientId=abc}: 400 naming the parameter, where
 * JAX-RS would answer 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
