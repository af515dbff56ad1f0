package io.cairn.kit.problem;

import java.util.List;

/**
 * A failure a service reports on purpose. Its message is written for the client and becomes the problem's
 * {@code detail}; its violations, when any, list each field or rule that failed.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Seconds the client should wait before it retries, sent as {@code Retry-After}; 0 for none. */
    public int retryAfterSeconds() {
        return 0;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
