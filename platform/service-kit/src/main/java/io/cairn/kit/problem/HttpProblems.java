package io.cairn.kit.problem;

import jakarta.ws.rs.core.Response;

/** Problems for what HTTP itself rejects, with a detail a client developer can act on. */
final class HttpProblems {

    private HttpProblems() {
    }

    static Problem forStatus(int status, String instance) {
        return switch (status) {
            case 400 -> Problem.of("malformed-request", "Bad Request", 400, "The request cannot be read", instance);
            case 401 -> Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required", instance);
            case 403 -> Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this request", instance);
            case 404 -> Problem.of("not-found", "Not Found", 404, "There is nothing at this path", instance);
            case 405 -> Problem.of("method-not-allowed", "Method Not Allowed", 405,
                    "This path does not accept that HTTP method", instance);
            case 406 -> Problem.of("not-acceptable", "Not Acceptable", 406,
                    "This path answers in application/json only", instance);
            case 409 -> Problem.of("conflict", "Conflict", 409, "The request conflicts with the current state", instance);
            case 413 -> payloadTooLarge(instance);
            case 415 -> Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Send the body as application/json", instance);
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                String reason = type == null ? "Client Error" : type.getReasonPhrase();
                yield Problem.of("about-blank", reason, status, reason, instance);
            }
        };
    }

    static Problem payloadTooLarge(String instance) {
        return Problem.of("payload-too-large", "Content Too Large", 413, "The request body is larger than allowed",
                instance);
    }
}
