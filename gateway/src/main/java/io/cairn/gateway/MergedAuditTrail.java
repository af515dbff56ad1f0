package io.cairn.gateway;

import io.cairn.gateway.BackendReads.Answer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every service's audit log as one, for program directors: {@code /api/v1/audit-events} and FHIR
 * {@code AuditEvent} searches go to every service, and their answers, each newest first, are merged by time into one
 * page of the size asked.
 *
 * <p>
 * The page is followed by a cursor of the gateway's own, which holds where each service's log is to be read on from:
 * after the last of its records that the page took, or from the first it offered when the page took none. So paging
 * through the merged log shows every record once, and records written meanwhile (each search writes one in every
 * service) do not shift it. A service that refuses the caller or the search answers for all (they apply the same
 * rules); one that fails or does not answer fails the search (503): an audit trail with a gap must not look whole.
 */
final class MergedAuditTrail {

    static final String JSON_PATH = RouteTable.API_PREFIX + "audit-events";
    static final String FHIR_PATH = RouteTable.FHIR_PREFIX + "AuditEvent";
    private static final String CURSOR = "cursor";
    /** A service whose log this search has read to its end. */
    private static final long END = 0;

    /** What one service offered for the page: its records, newest first, and whether it has more. */
    private record Offer(Backend backend, List<Record> records, boolean more) {
    }

    /** One record of a service's answer, with what the merge orders and continues by. */
    private record Record(Instant time, long number, Object item) {
    }

    private final BackendReads backends;

    MergedAuditTrail(BackendReads backends) {
        this.backends = backends;
    }

    private static final String NOT_EVERY_SERVICE = "Not every service's audit log answered; try again";
    private static final Set<String> SEARCHES = Set.of(JSON_PATH, JSON_PATH + "/", FHIR_PATH, FHIR_PATH + "/");
    private static final String FHIR_READ = FHIR_PATH + "/";

    /** Whether a GET of {@code path} is a search of the merged audit log, or a read of one FHIR AuditEvent. */
    static boolean serves(String path) {
        return SEARCHES.contains(path) || path.startsWith(FHIR_READ) && path.indexOf('/', FHIR_READ.length()) < 0;
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!SEARCHES.contains(request.path())) {
            read(rc, request.path().substring(FHIR_READ.length()));
            return;
        }
        boolean fhir = request.path().startsWith(FHIR_PATH);
        Optional<long[]> positions = positions(request.getParam(CURSOR));
        if (positions.isEmpty() || request.params().getAll(CURSOR).size() > 1) {
            GatewayProblems.send(rc.response(), 400, "invalid-parameter", "Bad Request",
                    "cursor is not one this search gave; start again without it", request.path());
            return;
        }
        String rest = BackendReads.queryWithout(request, Set.of(CURSOR));
        List<Future<Answer>> asked = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            long position = positions.get()[backend.ordinal()];
            if (position != END) {
                backends.add(backend);
                asked.add(this.backends.get(rc, backend, request.path() + "?" + rest
                        + (position > 0 ? CURSOR + "=" + position : "")));
            }
        }
        Future.join(asked).onComplete(done -> {
            if (asked.stream().anyMatch(answer -> answer.failed() || answer.result().status() >= 500)) {
                BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                return;
            }
            Optional<Answer> refusal = asked.stream().map(Future::result).filter(answer -> !answer.ok()).findFirst();
            if (refusal.isPresent()) {
                BackendReads.relay(rc, refusal.get());
                return;
            }
            List<Offer> offers = new ArrayList<>();
            try {
                for (int i = 0; i < asked.size(); i++) {
                    offers.add(offer(backends.get(i), asked.get(i).result(), fhir));
                }
            } catch (RuntimeException e) {
                BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                return;
            }
            answer(rc, fhir, offers, positions.get(), size(request, fhir));
        });
    }

    /**
     * One AuditEvent: its id names the service that keeps it ({@code scheduling-42}), so only that one is asked; an
     * id that names none is a 404.
     */
    private void read(RoutingContext rc, String id) {
        Optional<Backend> keeper = Arrays.stream(Backend.values())
                .filter(backend -> id.startsWith(backend.service() + "-")).findFirst();
        if (keeper.isEmpty()) {
            GatewayProblems.send(rc.response(), 404, "not-found", "Not Found", "No AuditEvent " + id,
                    rc.request().path());
            return;
        }
        backends.get(rc, keeper.get(), rc.request().uri()).onComplete(done -> {
            if (done.succeeded()) {
                BackendReads.relay(rc, done.result());
            } else {
                BackendReads.unavailable(rc, "The service that keeps this AuditEvent did not answer; try again");
            }
        });
    }

    /** Merges the offers by time, newest first, into one page of the size asked. */
    private static void answer(RoutingContext rc, boolean fhir, List<Offer> offers, long[] positions, int size) {
        int[] taken = new int[offers.size()];
        List<Object> page = new ArrayList<>();
        while (page.size() < size) {
            int newest = -1;
            for (int i = 0; i < offers.size(); i++) {
                List<Record> records = offers.get(i).records();
                if (taken[i] < records.size() && (newest < 0 || records.get(taken[i]).time()
                        .isAfter(offers.get(newest).records().get(taken[newest]).time()))) {
                    newest = i;
                }
            }
            if (newest < 0) {
                break;
            }
            page.add(offers.get(newest).records().get(taken[newest]++).item());
        }
        long[] next = positions.clone();
        for (int i = 0; i < offers.size(); i++) {
            next[offers.get(i).backend().ordinal()] = continueAt(offers.get(i), taken[i]);
        }
        boolean more = Arrays.stream(next).anyMatch(position -> position != END);
        HttpServerRequest request = rc.request();
        String nextUrl = BackendReads.publicPath(request).append(BackendReads.queryWithout(request, Set.of(CURSOR)))
                .append(CURSOR).append('=').append(cursor(next)).toString();
        if (fhir) {
            JsonArray links = new JsonArray().add(new JsonObject().put("relation", "self").put("url",
                    BackendReads.publicPath(request).append(Optional.ofNullable(request.query()).orElse(""))
                            .toString()));
            if (more) {
                links.add(new JsonObject().put("relation", "next").put("url", nextUrl));
            }
            JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "searchset")
                    .put("link", links);
            if (!page.isEmpty()) {
                bundle.put("entry", new JsonArray(page));
            }
            rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                    .end(bundle.toBuffer());
        } else {
            if (more) {
                rc.response().putHeader("Link", "<" + nextUrl + ">; rel=\"next\"");
            }
            rc.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(new JsonArray(page).toBuffer());
        }
    }

    /**
     * Where a service's log is read on from: before the last record the page took of it; before the first it offered
     * and the page did not take (one past its number, as a cursor is exclusive); or nowhere, when it had no more
     * than it offered and the page took it all.
     */
    private static long continueAt(Offer offer, int taken) {
        List<Record> records = offer.records();
        if (taken == records.size() && !offer.more()) {
            return END;
        }
        return taken > 0 ? records.get(taken - 1).number() : records.get(0).number() + 1;
    }

    /** A service's answer: JSON records or a FHIR searchset Bundle, newest first. */
    private static Offer offer(Backend backend, Answer answer, boolean fhir) {
        List<Record> records = new ArrayList<>();
        boolean more;
        if (fhir) {
            JsonObject bundle = answer.body().toJsonObject();
            for (Object entry : bundle.getJsonArray("entry", new JsonArray())) {
                JsonObject resource = ((JsonObject) entry).getJsonObject("resource");
                String id = resource.getString("id");
                records.add(new Record(time(resource.getString("recorded")),
                        Long.parseLong(id.substring(id.lastIndexOf('-') + 1)), entry));
            }
            more = bundle.getJsonArray("link", new JsonArray()).stream().map(JsonObject.class::cast)
                    .anyMatch(link -> "next".equals(link.getString("relation")));
        } else {
            JsonArray items = answer.body().toJsonArray();
            for (Object item : items) {
                JsonObject record = (JsonObject) item;
                records.add(new Record(time(record.getString("occurredAt")), record.getLong("id"), item));
            }
            more = answer.headers().get("Link") != null;
        }
        return new Offer(backend, records, more);
    }

    /**
     * The page size the search asks for, as the services read it ({@code size}, or FHIR's {@code _count}); a bad one
     * never gets here, as every service refuses it.
     */
    private static int size(HttpServerRequest request, boolean fhir) {
        try {
            return Integer.parseInt(request.getParam(fhir ? "_count" : "size", fhir ? "20" : "100").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant time(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    /** The cursor's positions, one per service in {@link Backend} order; none given: every log from its newest. */
    private static Optional<long[]> positions(String cursor) {
        long[] positions = new long[Backend.values().length];
        if (cursor == null) {
            Arrays.fill(positions, -1);
            return Optional.of(positions);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != positions.length) {
                return Optional.empty();
            }
            for (int i = 0; i < parts.length; i++) {
                positions[i] = Long.parseLong(parts[i]);
                if (positions[i] < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(positions);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cursor(long[] positions) {
        StringBuilder plain = new StringBuilder();
        for (long position : positions) {
            plain.append(plain.isEmpty() ? "" : ".").append(position);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(
                StandardCharsets.US_ASCII));
    }

}
