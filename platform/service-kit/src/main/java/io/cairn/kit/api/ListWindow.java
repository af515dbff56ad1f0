package io.cairn.kit.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A window on a program-wide list: {@code ?page} (from 0) and {@code ?size} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}). The answer stays a JSON array; {@code X-Total-Count} says how many match in all, and a
 * {@code Link} header with {@code rel="next"} names the next window while there is one. No request can ask for
 * everything at once.
 */
public final class ListWindow {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    private ListWindow() {
    }

    public static <T> RestResponse<List<T>> of(List<T> all, Integer page, Integer size, UriInfo uri) {
        int number = page == null ? 0 : page;
        int length = size == null ? DEFAULT_SIZE : size;
        int from = (int) Math.min((long) number * length, all.size());
        int to = Math.min(from + length, all.size());
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(List.copyOf(all.subList(from,
                to))).header("X-Total-Count", all.size());
        if (to < all.size()) {
            answer.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("page", number + 1)
                    .replaceQueryParam("size", length).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
