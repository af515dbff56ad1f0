package io.cairn.kit.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.LongSupplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A window on a program-wide list: {@code ?page} (from 0) and {@code ?size} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}). The answer stays a JSON array; {@code X-Total-Count} says how many match in all, and a
 * {@code Link} header with {@code rel="next"} names the next window while there is one. No request can ask for
 * everything at once, and a list kept in the database is windowed there: only the window's rows are read, mapped and
 * audited.
 */
public final class ListWindow {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    private ListWindow() {
    }

    /**
     * The rows a request asks for.
     *
     * @param page zero-based window number
     * @param size rows per window
     */
    public record Window(int page, int size, long offset) {

        /** The window of rows {@code page * size} on. */
        public Window(int page, int size) {
            this(page, size, (long) page * size);
        }

        /**
         * The window of rows {@code offset} on, whether or not a page starts there: what the gateway asks of each
         * service when it merges their matches into one page.
         */
        public static Window at(long offset, int size) {
            return new Window(size == 0 ? 0 : (int) Math.min(offset / size, Integer.MAX_VALUE), size, offset);
        }

        /** Where the window starts; one past the end of any table stays there instead of overflowing. */
        public int first() {
            return (int) Math.min(offset, Integer.MAX_VALUE - size);
        }

        /** The window of a query's rows, in the query's order, and how many match in all. */
        public <T> PageOf<T> of(PanacheQuery<T> query) {
            if (size == 0) {
                return new PageOf<>(List.of(), page, 0, query.count());
            }
            List<T> items = query.range(first(), first() + size - 1).list();
            return of(items, query::count);
        }

        /**
         * The window of rows a query has fetched for it. A window that is not full ends the list, so its rows tell how
         * many match in all; only a full one, or an empty one past the first, needs {@code count}.
         */
        public <T> PageOf<T> of(List<T> items, LongSupplier count) {
            boolean endsTheList = items.size() < size && (!items.isEmpty() || offset == 0);
            return new PageOf<>(items, page, size, endsTheList ? (long) first() + items.size() : count.getAsLong());
        }
    }

    /** The window {@code ?page} and {@code ?size} ask for, defaults filled in. */
    public static Window window(Integer page, Integer size) {
        return new Window(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The answer for one window: its items, {@code X-Total-Count}, and a {@code Link} to the next while there is one. */
    public static <T> RestResponse<List<T>> of(PageOf<T> window, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(window.items())
                .header("X-Total-Count", window.total());
        if (((long) window.page() + 1) * window.size() < window.total()) {
            answer.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("page", window.page() + 1)
                    .replaceQueryParam("size", window.size()).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /** A window on a short list already in memory, such as the tracks. */
    public static <T> RestResponse<List<T>> of(List<T> all, Integer page, Integer size, UriInfo uri) {
        Window window = window(page, size);
        int from = Math.min(window.first(), all.size());
        int to = (int) Math.min((long) from + window.size(), all.size());
        return of(new PageOf<>(List.copyOf(all.subList(from, to)), window.page(), window.size(), all.size()), uri);
    }
}
