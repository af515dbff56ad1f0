package io.cairn.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into {@code application/problem+json}. Each mapper says in its own
 * words what went wrong; none repeats an exception's internal message.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        Problem problem = Problem.of(e.slug(), e.title(), e.status(), e.getMessage(), path(uri))
                .withViolations(e.violations());
        if (e.retryAfterSeconds() > 0) {
            return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem)
                    .type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return respond(problem);
    }

    /** A unique key the request would duplicate is a conflict; any other broken constraint is our bug. */
    @ServerExceptionMapper
    public RestResponse<Problem> constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (UniqueViolations.in(e)) {
            return respond(Problem.of("conflict", "Conflict", 409, "A record with the same identifying values exists",
                    path(uri)));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        boolean aboutOurAnswer = e.getConstraintViolations().stream().anyMatch(v -> isReturnValue(v.getPropertyPath()));
        if (aboutOurAnswer) {
            return unexpected(e, uri);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(validation(uri, "The request has invalid values").withViolations(violations));
    }

    /** Jackson's words for a field given twice (StrictJsonInput refuses it). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile(
            "^Duplicate field '([^']{1,100})'");

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonParseException e, UriInfo uri) {
        if (!isRequestBody(e)) {
            return unexpected(e, uri);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String twice = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage())).results().findFirst()
                .map(m -> ": field '" + m.group(1) + "' is given twice").orElse("");
        return respond(Problem.of("malformed-request", "Bad Request", 400, "The request body is not valid JSON" + where
                + twice, path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(MismatchedInputException e, UriInfo uri) {
        if (!isRequestBody(e)) {
            return unexpected(e, uri);
        }
        String field = JsonFields.path(e);
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\u0000') >= 0) {
            message = "must not contain the NUL character";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException || e.getTargetType() != null) {
            message = "must be " + JsonFields.expected(e.getTargetType());
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            return respond(Problem.of("malformed-request", "Bad Request", 400,
                    "The request body does not have the expected shape", path(uri)));
        }
        return respond(validation(uri, "The request has invalid values")
                .withViolations(List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonMappingException e, UriInfo uri) {
        if (!isRequestBody(e)) {
            return unexpected(e, uri);
        }
        return respond(Problem.of("malformed-request", "Bad Request", 400,
                "The request body does not have the expected shape", path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> staleVersion(OptimisticLockException e, UriInfo uri) {
        return respond(staleVersionProblem(uri));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> staleVersion(StaleStateException e, UriInfo uri) {
        return respond(staleVersionProblem(uri));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this request", path(uri)));
    }

    /** What the REST layer itself rejects: unknown path, wrong method, media type, and the like. */
    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The REST layer wraps body-reading failures: answer them as if Jackson's exception had reached us.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return unreadableJson(mismatch, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(HttpProblems.forStatus(status, path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, uri);
        }
        if (clientWentAway(e)) {
            // The caller (the gateway, cutting off a slow body) closed the connection: nobody reads this answer.
            LOG.debugf("Request ended by the client: %s", e.toString());
            return respond(Problem.of("malformed-request", "Bad Request", 400,
                    "The request ended before its body was complete", path(uri)));
        }
        UUID reference = UUID.randomUUID();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "Something went wrong on our side; quote reference " + reference + " when reporting it", path(uri)));
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The database is down or restarting: the client may retry shortly. */
    private static RestResponse<Problem> databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable: %s", e.toString());
        Problem problem = Problem.of("service-unavailable", "Service Unavailable", 503,
                "The service cannot reach its database just now; retry shortly", path(uri));
        return RestResponse.ResponseBuilder.<Problem> create(503).entity(problem).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(validation(uri, "The request has invalid values")
                .withViolations(List.of(new Problem.Violation(e.parameter(), e.getMessage()))));
    }

    /** Only JSON read from the request is the client's fault; JSON we write or parse ourselves is our bug. */
    private static boolean isRequestBody(com.fasterxml.jackson.core.JacksonException e) {
        return e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser;
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE)
                .build();
    }

    private static RestResponse<Problem> unauthorized(UriInfo uri) {
        Problem problem = Problem.of("unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", path(uri));
        return RestResponse.ResponseBuilder.create(Response.Status.UNAUTHORIZED, problem)
                .type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Problem validation(UriInfo uri, String detail) {
        return Problem.of("validation", "Bad Request", 400, detail, path(uri));
    }

    private static Problem staleVersionProblem(UriInfo uri) {
        return Problem.of("conflict", "Conflict", 409,
                "The resource was changed by someone else; fetch it again and retry", path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The property path a client knows: {@code objectives[0].targetDate}, not the method and parameter names. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return !field.isEmpty() ? field.toString() : parameter != null ? parameter : "request";
    }
}
