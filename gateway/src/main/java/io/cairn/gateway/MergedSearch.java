package io.cairn.gateway;

import io.cairn.gateway.BackendReads.Answer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One searchset Bundle from several FHIR searches, made by the services that hold them: the first search's matches,
 * then the next's, paged over the whole ({@code _count}, {@code _page}) with one total. A shared type's search
 * ({@link SharedFhirType}) is the same search in each service that holds the type; a patient's
 * {@code $everything} ({@link PatientEverything}) is a search per resource type.
 *
 * <p>
 * Each search is asked for exactly its share of the page ({@code _offset} and {@code _count} into its own matches);
 * once the page is full, a later one is asked only how many it has ({@code _count=0}). So no service reads, or
 * audits, a row the caller does not get, but in a search sorted across services ({@link #gatherSorted}). A search whose service
 * refuses the caller (401, 403, or 404: a patient whose
 * consent does not name an EHR is hidden) or cannot take it (400) adds nothing; its answer is kept in case none
 * answers. A service that fails or does not answer fails the whole.
 */
final class MergedSearch {

    /** One search: the service, its path, and its query without paging, each pair followed by {@code &}. */
    record Search(Backend backend, String path, String query) {
    }

    /** What the searches gathered. */
    static final class Gathered {
        final JsonArray matches = new JsonArray();
        final JsonArray included = new JsonArray();
        /** How far the merged search may be paged: no link leads past it. */
        long reachable = Long.MAX_VALUE;
        /** Each search's own total, in the order asked. */
        final List<Long> totals = new ArrayList<>();
        long total;
        /** Matches still to pass over before the page starts, counted from the next search's first. */
        long skip;
        int need;
        Answer firstRefusal;
        Answer firstInvalid;
        boolean anyAnswered;

        /** The refusal (or, before it, the invalid search) to answer with when no search answered. */
        Answer refusal() {
            return firstInvalid != null ? firstInvalid : firstRefusal;
        }
    }

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    /** How deep a search sorted across services may page: each service reads that many rows to merge them. */
    static final int SORTED_DEPTH = 1000;
    static final Set<Integer> NOT_FOR_THIS_CALLER = Set.of(401, 403, 404);
    /**
     * The request's mark that its caller is staff, whose reads are audited but disclose nothing: the one caller a search
     * sorted across services may read rows for that it does not get.
     */
    static final String STAFF = "cairn.staff";

    private final BackendReads backends;

    MergedSearch(BackendReads backends) {
        this.backends = backends;
    }

    /** The page {@code page} of {@code count} matches of the searches, in their order. */
    Future<Gathered> gather(RoutingContext rc, List<Search> searches, int page, int count) {
        Gathered gathered = new Gathered();
        gathered.skip = (long) page * count;
        gathered.need = count;
        return from(rc, searches, 0, gathered).map(done -> gathered);
    }

    /**
     * The page {@code page} of {@code count} matches of the searches sorted by {@code meta.lastUpdated}
     * ({@code _sort} in their query). Each search is first asked how many it has; when one alone has any, it sorts
     * and pages them itself, exactly as above. When several have some, each is read for its first
     * {@code (page + 1) * count} matches in that order and the merge takes the page: such a search reads rows the
     * caller does not get, so it goes no deeper than {@link #SORTED_DEPTH}, and only staff may page it. A patient's or
     * an EHR's search is merged so only when every match fits its first page (each row read is then a row answered):
     * every row a service answers is recorded as read, and for an EHR as disclosed, so reading past the page would
     * account for disclosures that never happened.
     */
    Future<Gathered> gatherSorted(RoutingContext rc, List<Search> searches, int page, int count, boolean descending) {
        // Nothing needed yet: each search is asked only how many it has.
        Gathered counted = new Gathered();
        return from(rc, searches, 0, counted).compose(done -> {
            List<Search> holding = new ArrayList<>();
            List<Long> held = new ArrayList<>();
            for (int i = 0; i < searches.size(); i++) {
                if (counted.totals.get(i) > 0) {
                    holding.add(searches.get(i));
                    held.add(counted.totals.get(i));
                }
            }
            if (holding.isEmpty()) {
                return Future.succeededFuture(counted);
            }
            if (holding.size() == 1) {
                return gather(rc, holding, page, count);
            }
            long depth = (long) (page + 1) * count;
            boolean everyRowAnswered = page == 0 && counted.total <= count;
            if (!everyRowAnswered && !Boolean.TRUE.equals(rc.get(STAFF))) {
                return Future.failedFuture(new NotMerged("Two services hold these " + counted.total + " matches; sorted "
                        + "by _lastUpdated, they are merged only when all fit the first page (_count up to "
                        + MAX_COUNT + "). Narrow the search with _lastUpdated, or search without _sort"));
            }
            if (depth > SORTED_DEPTH) {
                return Future.failedFuture(new NotMerged("A search sorted across services pages through its first "
                        + SORTED_DEPTH + " matches; narrow it with _lastUpdated"));
            }
            if (holding.stream().anyMatch(search -> search.query().contains("include="))) {
                // What the rows read past the page bring along would come with it.
                return Future.failedFuture(new NotMerged("_include and _revinclude are not offered with _sort where "
                        + "two services hold the type"));
            }
            Gathered gathered = new Gathered();
            gathered.anyAnswered = true;
            gathered.total = counted.total;
            gathered.reachable = SORTED_DEPTH;
            List<JsonObject> matches = new ArrayList<>();
            Future<Void> read = Future.succeededFuture();
            for (int h = 0; h < holding.size(); h++) {
                Search search = holding.get(h);
                long wanted = Math.min(depth, held.get(h));
                for (long offset = 0; offset < wanted; offset += MAX_COUNT) {
                    String uri = search.path() + "?" + search.query() + "_count="
                            + Math.min(MAX_COUNT, wanted - offset) + "&_offset=" + offset;
                    read = read.compose(v -> backends.get(rc, search.backend(), uri).compose(answer -> {
                        if (!answer.ok()) {
                            return Future.failedFuture("service answered " + answer.status());
                        }
                        // No includes were asked for: every entry is a match.
                        answer.body().toJsonObject().getJsonArray("entry", new JsonArray()).stream()
                                .map(JsonObject.class::cast).forEach(matches::add);
                        return Future.succeededFuture();
                    }));
                }
            }
            return read.map(v -> {
                Comparator<JsonObject> order = Comparator.comparing(MergedSearch::lastUpdated)
                        .thenComparing(entry -> entry.getJsonObject("resource", new JsonObject())
                                .getString("id", ""));
                matches.sort(descending ? order.reversed() : order);
                matches.stream().skip((long) page * count).limit(count).forEach(gathered.matches::add);
                return gathered;
            });
        });
    }

    /** A sorted search across services the gateway does not merge (too deep, or with includes): a 400. */
    static final class NotMerged extends RuntimeException {
        NotMerged(String message) {
            super(message, null, false, false);
        }
    }

    private static Instant lastUpdated(JsonObject entry) {
        try {
            return OffsetDateTime.parse(entry.getJsonObject("resource", new JsonObject())
                    .getJsonObject("meta", new JsonObject()).getString("lastUpdated", "")).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private Future<Void> from(RoutingContext rc, List<Search> searches, int next, Gathered gathered) {
        if (next == searches.size()) {
            return Future.succeededFuture();
        }
        Search search = searches.get(next);
        String uri = search.path() + "?" + search.query() + "_count=" + gathered.need + "&_offset="
                + (gathered.need == 0 ? 0 : gathered.skip);
        return backends.get(rc, search.backend(), uri).compose(answer -> {
            if (!answer.ok()) {
                gathered.totals.add(0L);
                return refused(answer, gathered) ? from(rc, searches, next + 1, gathered)
                        : Future.failedFuture("service answered " + answer.status());
            }
            JsonObject bundle;
            try {
                bundle = answer.body().toJsonObject();
            } catch (DecodeException e) {
                return Future.failedFuture("service answered something other than a Bundle");
            }
            long total = bundle.getLong("total", 0L);
            gathered.totals.add(total);
            take(bundle, gathered);
            gathered.anyAnswered = true;
            gathered.total += total;
            gathered.skip = Math.max(0, gathered.skip - total);
            return from(rc, searches, next + 1, gathered);
        });
    }

    /** The page's matches, and what they brought along ({@code _include}), which the page does not count. */
    private static void take(JsonObject bundle, Gathered gathered) {
        JsonArray entries = bundle.getJsonArray("entry", new JsonArray());
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.getJsonObject(i);
            boolean included = "include".equals(entry.getJsonObject("search", new JsonObject()).getString("mode"));
            if (included) {
                gathered.included.add(entry);
            } else if (gathered.need > 0) {
                gathered.matches.add(entry);
                gathered.need--;
            }
        }
    }

    /** Whether the service's answer only means it has nothing for this search or caller; kept in case none has. */
    private static boolean refused(Answer answer, Gathered gathered) {
        if (NOT_FOR_THIS_CALLER.contains(answer.status())) {
            gathered.firstRefusal = gathered.firstRefusal == null ? answer : gathered.firstRefusal;
            return true;
        }
        if (answer.status() == 400) {
            gathered.firstInvalid = gathered.firstInvalid == null ? answer : gathered.firstInvalid;
            return true;
        }
        return false;
    }

    /** The merged page as a searchset Bundle, linked to its neighbours at the address the client used. */
    static JsonObject bundle(HttpServerRequest request, Gathered gathered, int page, int count) {
        JsonArray links = new JsonArray().add(link("self", request, page));
        if (count > 0 && page > 0) {
            links.add(link("previous", request, page - 1));
        }
        if (count > 0 && (long) (page + 1) * count < Math.min(gathered.total, gathered.reachable)) {
            links.add(link("next", request, page + 1));
        }
        JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", gathered.total).put("link", links);
        JsonArray entries = gathered.matches.copy().addAll(gathered.included);
        if (!entries.isEmpty()) {
            bundle.put("entry", entries);
        }
        return bundle;
    }

    /** The search again at another page, at the address the client used (as the services write their links). */
    private static JsonObject link(String relation, HttpServerRequest request, int page) {
        StringBuilder url = BackendReads.publicPath(request);
        url.append(BackendReads.queryWithout(request, Set.of("_page"))).append("_page=").append(page);
        return new JsonObject().put("relation", relation).put("url", url.toString());
    }

    /** A paging parameter, {@code otherwise} when not given; empty when it is not a whole number up to max. */
    static Optional<Integer> paging(String value, int otherwise, int max) {
        if (value == null) {
            return Optional.of(otherwise);
        }
        try {
            int number = Integer.parseInt(value.strip());
            return number >= 0 && number <= max ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
