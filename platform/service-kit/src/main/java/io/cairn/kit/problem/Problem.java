package io.cairn.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, the only shape of every 4xx and 5xx answer. Nothing internal goes in it: no
 * class names, SQL or stack traces.
 *
 * @param violations for a validation problem: each field that was wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://cairn.io/problems/";

    public record Violation(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, instance, List.of());
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(type, title, status, detail, instance, List.copyOf(violations));
    }
}
