package io.cairn.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.cairn.gateway.BackendReads.Answer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A FHIR resource type that more than one service serves ({@code Task}: aftercare's follow-ups, which EHRs read too,
 * and the worklist's tasks, which only staff read; {@code Observation} and {@code QuestionnaireResponse}: intake's
 * assessment screeners and treatment-plan's re-screens). Resource ids are UUIDs, so a read goes to each service in turn
 * until one holds the id. A search goes to every service and is answered as one searchset Bundle: the first
 * service's matches, then the next's, paged over the whole ({@code _count}, {@code _page}) with one total; or, with
 * {@code _sort=_lastUpdated}, all of them in that order.
 *
 * <p>
 * A service that refuses the caller (401, 403, or 404: aftercare hides a patient whose consent does not name an EHR)
 * has nothing for them and adds nothing; one that cannot take the
 * search (400: aftercare follow-ups are searched by patient only) adds nothing when another answers it, and its
 * answer is the answer when none does. A service that fails or does not answer fails the search (503): a list
 * that silently misses a safety task is worse than none.
 */
final class SharedFhirType {

    private static final Set<Integer> NOT_FOR_THIS_CALLER = MergedSearch.NOT_FOR_THIS_CALLER;
    private static final String NOT_EVERY_SERVICE = "Not every service that holds this resource type answered; "
            + "try again";
    /** The paging parameters the gateway sets itself on each service's share of a search. */
    private static final Set<String> PAGING = Set.of("_count", "_page", "_offset");
    /** The orders a merged search can keep over every service's matches. */
    private static final Set<String> SORTS = Set.of("_lastUpdated", "-_lastUpdated");

    private final BackendReads backends;
    private final MergedSearch merged;
    private final PatientIncludes patientIncludes;

    SharedFhirType(BackendReads backends, PatientIncludes patientIncludes) {
        this.backends = backends;
        this.merged = new MergedSearch(backends);
        this.patientIncludes = patientIncludes;
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
        Optional<Integer> count = MergedSearch.paging(request.getParam("_count"), MergedSearch.DEFAULT_COUNT,
                MergedSearch.MAX_COUNT);
        Optional<Integer> page = MergedSearch.paging(request.getParam("_page"), 0, Integer.MAX_VALUE);
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
        // The patients of the page are included once the services' matches are merged (PatientIncludes).
        String query = PatientIncludes.queryForMatches(request, PAGING);
        List<MergedSearch.Search> searches = owners.stream()
                .map(owner -> new MergedSearch.Search(owner, request.path(), query)).toList();
        List<String> sort = request.params().getAll("_sort");
        boolean sorted = sort.size() == 1 && SORTS.contains(sort.get(0).strip());
        // A _sort the services do not take is answered by them, in their words.
        (sorted ? merged.gatherSorted(rc, searches, page.get(), count.get(), sort.get(0).strip().startsWith("-"))
                : merged.gather(rc, searches, page.get(), count.get())).onComplete(done -> {
                    if (done.failed() && done.cause() instanceof MergedSearch.NotMerged notMerged) {
                        GatewayProblems.send(rc.response(), 400, "invalid-parameter", "Bad Request", notMerged.getMessage(),
                                request.path());
                    } else if (done.failed()) {
                        BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                    } else if (!done.result().anyAnswered) {
                        BackendReads.relay(rc, done.result().refusal());
                    } else if (PatientIncludes.includesPatient(request)) {
                        patientIncludes.answerWithPatients(rc,
                                MergedSearch.bundle(request, done.result(), page.get(), count.get()));
                    } else {
                        rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                                .end(MergedSearch.bundle(request, done.result(), page.get(), count.get()).toBuffer());
                    }
                });
    }
}
