package io.cairn.kit.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query value holding the NUL character ({@code %00}) with a 400 naming it: no id or search term
 * contains one, and PostgreSQL could not even compare against it.
 */
public class NulCharacters {

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> refuseNul(UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                return refusal(uri, parameter.getKey());
            }
        }
        if (uri.getPath(true).indexOf('\u0000') >= 0) {
            return refusal(uri, "path");
        }
        return null;
    }

    private static RestResponse<Problem> refusal(UriInfo uri, String where) {
        return ProblemMappers.respond(Problem.of("validation", "Bad Request", 400, "The request has invalid values",
                uri.getPath()).withViolations(
                        List.of(new Problem.Violation(where.replace("\u0000", ""),
                                "must not contain the NUL character"))));
    }
}
