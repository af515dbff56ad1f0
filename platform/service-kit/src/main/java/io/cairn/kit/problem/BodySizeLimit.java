package io.cairn.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body larger than {@code cairn.http.max-body-size} with a problem+json 413, before it is read.
 * (Bodies without a length are still capped by {@code quarkus.http.limits.max-body-size}.)
 */
public class BodySizeLimit {

    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "cairn.http.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> refuseLargeBodies(HttpHeaders headers, UriInfo uri) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(HttpProblems.forStatus(400, uri.getPath()));
        }
        return ProblemMappers.respond(HttpProblems.payloadTooLarge(uri.getPath()));
    }
}
