package io.cairn.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.cairn.gateway.BackendReads.Answer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A FHIR resource type that more than one service serves ({@code Task}: aftercare's follow-ups, which EHRs read too,
 * and the worklist's tasks, which only staff read). Resource ids are UUIDs, so a read goes to each service in turn
 * until one holds the id. A search goes to every service and is answered as one searchset Bundle: the first
 * service's matches, then the next's, paged over the whole ({@code _count}, {@code _page}) with one total.
 *
 * <p>
 * A service that refuses the caller (401, 403, or 404: aftercare hides a patient whose consent does not name an EHR)
 * has nothing for them and adds nothing; one that cannot take the
 * search (400: aftercare follow-ups are searched by patient only) adds nothing when another answers it, and its
 * answer is the answer when none does. A service that fails or does not answer fails the search (503): a list
 * that silently misses a safety task is worse than none.
 */
final class SharedFhirType {

    private static final Set<Integer> NOT_FOR_THIS_CALLER = Set.of(401, 403, 404);
    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 100;
    private static final String NOT_EVERY_SERVICE = "Not every service that holds this resource type answered; "
            + "try again";
    /** The paging parameters the gateway sets itself on each service's share of a search. */
    private static final Set<String> PAGING = Set.of("_count", "_page", "_offset");

    private final BackendReads backends;

    SharedFhirType(BackendReads backends) {
        this.backends = backends;
    }

    /** What a search has gathered so far from the services before the next one. */
    private static final class Gathered {
        final JsonArray entries = new JsonArray();
        long total;
        /** Matches still to pass over before the page starts, counted from the next service's first. */
        long skip;
        int need;
        Answer firstRefusal;
        Answer firstInvalid;
        boolean anyAnswered;
    }

    void handle(RoutingContext rc, List<Backend> owners, String type) {
        String path = rc.request().path();
        String typePath = RouteTable.FHIR_PREFIX + type;
        if (path.equals(typePath) || path.equals(typePath + "/")) {
            search(rc, owners);
        } else {
            read(rc, owners, 0, null);
        }
    }

    /** Each service in turn until one holds the id; a 404 from all, or the first refusal, is the answer. */
    private void read(RoutingContext rc, List<Backend> owners, int next, Answer first) {
        backends.get(rc, owners.get(next), rc.request().uri()).onComplete(done -> {
            if (done.failed()) {
                BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                return;
            }
            Answer answer = done.result();
            boolean elsewhere = NOT_FOR_THIS_CALLER.contains(answer.status());
            Answer kept = first == null || first.status() != 404 && answer.status() == 404 ? answer : first;
            if (!elsewhere) {
                BackendReads.relay(rc, answer);
            } else if (next + 1 < owners.size()) {
                read(rc, owners, next + 1, kept);
            } else {
                // An id no one holds is a 404 even to a caller one of the services refuses: it says nothing more.
                BackendReads.relay(rc, kept);
            }
        });
    }

    private void search(RoutingContext rc, List<Backend> owners) {
        HttpServerRequest request = rc.request();
        Optional<Integer> count = paging(request.getParam("_count"), DEFAULT_COUNT, MAX_COUNT);
        Optional<Integer> page = paging(request.getParam("_page"), 0, Integer.MAX_VALUE);
        if (request.params().contains("_offset")) {
            // The gateway's own window into each service; a client pages the merged search by _page.
            GatewayProblems.send(rc.response(), 400, "invalid-parameter", "Bad Request",
                    "_offset is not a search parameter here; page with _count and _page", request.path());
            return;
        }
        if (count.isEmpty() || page.isEmpty() || request.params().getAll("_count").size() > 1
                || request.params().getAll("_page").size() > 1) {
            // Bad paging is answered by a service, in its words.
            backends.get(rc, owners.get(0), request.uri()).onComplete(done -> {
                if (done.succeeded()) {
                    BackendReads.relay(rc, done.result());
                } else {
                    BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                }
            });
            return;
        }
        Gathered gathered = new Gathered();
        gathered.skip = (long) page.get() * count.get();
        gathered.need = count.get();
        searchFrom(rc, owners, 0, gathered).onComplete(done -> {
            if (done.failed()) {
                BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
            } else if (!gathered.anyAnswered) {
                BackendReads.relay(rc, gathered.firstInvalid != null ? gathered.firstInvalid : gathered.firstRefusal);
            } else {
                rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                        .end(bundle(request, gathered, page.get(), count.get()).toBuffer());
            }
        });
    }

    /**
     * Gathers the page's matches from the service {@code next} and those after it. Each service is asked for exactly
     * its share of the page ({@code _offset} and {@code _count} into its own matches); once the page is full, a later
     * one is asked only how many it has ({@code _count=0}). So no service reads, or audits, a row the caller does not
     * get.
     */
    private Future<Void> searchFrom(RoutingContext rc, List<Backend> owners, int next, Gathered gathered) {
        if (next == owners.size()) {
            return Future.succeededFuture();
        }
        return servicePage(rc, owners.get(next), gathered.need, gathered.need == 0 ? 0 : gathered.skip)
                .compose(answer -> {
                    if (!answer.ok()) {
                        return refused(answer, gathered) ? searchFrom(rc, owners, next + 1, gathered)
                                : Future.failedFuture("service answered " + answer.status());
                    }
                    JsonObject bundle;
                    try {
                        bundle = answer.body().toJsonObject();
                    } catch (DecodeException e) {
                        return Future.failedFuture("service answered something other than a Bundle");
                    }
                    long total = bundle.getLong("total", 0L);
                    take(bundle, gathered);
                    gathered.anyAnswered = true;
                    gathered.total += total;
                    gathered.skip = Math.max(0, gathered.skip - total);
                    return searchFrom(rc, owners, next + 1, gathered);
                });
    }

    /** A service's share of the search: the client's query, with the window the merge needs of it. */
    private Future<Answer> servicePage(RoutingContext rc, Backend owner, int count, long offset) {
        HttpServerRequest request = rc.request();
        StringBuilder uri = new StringBuilder(request.path()).append('?');
        uri.append(BackendReads.queryWithout(request, PAGING)).append("_count=").append(count).append("&_offset=")
                .append(offset);
        return backends.get(rc, owner, uri.toString());
    }

    private static void take(JsonObject bundle, Gathered gathered) {
        JsonArray entries = bundle.getJsonArray("entry", new JsonArray());
        for (int i = 0; i < entries.size() && gathered.need > 0; i++) {
            gathered.entries.add(entries.getValue(i));
            gathered.need--;
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

    private static JsonObject bundle(HttpServerRequest request, Gathered gathered, int page, int count) {
        JsonArray links = new JsonArray().add(link("self", request, page));
        if (count > 0 && page > 0) {
            links.add(link("previous", request, page - 1));
        }
        if (count > 0 && (long) (page + 1) * count < gathered.total) {
            links.add(link("next", request, page + 1));
        }
        JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", gathered.total).put("link", links);
        if (!gathered.entries.isEmpty()) {
            bundle.put("entry", gathered.entries);
        }
        return bundle;
    }

    /** The search again at another page, at the address the client used (as the services write their links). */
    private static JsonObject link(String relation, HttpServerRequest request, int page) {
        StringBuilder url = BackendReads.publicPath(request);
        url.append(BackendReads.queryWithout(request, Set.of("_page"))).append("_page=").append(page);
        return new JsonObject().put("relation", relation).put("url", url.toString());
    }

    private static Optional<Integer> paging(String value, int otherwise, int max) {
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
