package io.cairn.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR's {@code Patient/{id}/$everything}: the patient and every record of theirs the caller may see, across the
 * services, as one paged searchset Bundle ({@link MergedSearch}). Each service applies its own rules to its share, so a
 * record type whose Part 2 consent does not name an EHR is simply absent, and every record answered is audited (as a
 * disclosure, to an EHR) by the service that holds it. A caller that may not see who the patient is gets the
 * records it may see without the Patient; one that may see nothing of theirs gets a 404, as a read does.
 * {@code _since} keeps what changed since a time, {@code _type} the types named.
 */
final class PatientEverything {

    /** The operation's path, its {@code $} as sent or percent-encoded (as some clients send it). */
    private static final Pattern PATH = Pattern.compile("/fhir/r4/Patient/([^/]+)/(?:\\$|%24)everything/?");
    private static final Set<String> PARAMETERS = Set.of("_count", "_page", "_since", "_type", "_format", "_pretty");
    /** Searched by patient, in the order the Bundle lists them: the patient first, then intake to aftercare. */
    private static final Map<String, List<Backend>> TYPES = orderedTypes();
    private static final String NOT_EVERY_SERVICE = "Not every service that holds this patient's records answered; "
            + "try again";

    private final MergedSearch merged;

    PatientEverything(BackendReads backends) {
        this.merged = new MergedSearch(backends);
    }

    private static Map<String, List<Backend>> orderedTypes() {
        Map<String, List<Backend>> types = new java.util.LinkedHashMap<>();
        types.put("Patient", List.of(Backend.INTAKE));
        for (String type : List.of("ServiceRequest", "Consent", "QuestionnaireResponse", "Observation", "CarePlan",
                "Goal", "Appointment", "Encounter", "EpisodeOfCare", "Task")) {
            types.put(type, RouteTable.fhirOwnersOf(RouteTable.FHIR_PREFIX + type));
        }
        return types;
    }

    static boolean serves(String path) {
        return PATH.matcher(path).matches();
    }

    /** The resource types {@code $everything} lists, as the CapabilityStatement describes it. */
    static Set<String> types() {
        return TYPES.keySet();
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Matcher matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            invalid(rc, "Patient/{id}/$everything");
            return;
        }
        String patient = matcher.group(1);
        for (String name : request.params().names()) {
            if (!PARAMETERS.contains(name)) {
                invalid(rc, name + " is not a parameter of $everything; use _since, _type, _count, _page");
                return;
            }
            if (request.params().getAll(name).size() > 1) {
                invalid(rc, name + " may be given once");
                return;
            }
        }
        Optional<Integer> count = MergedSearch.paging(request.getParam("_count"), MergedSearch.DEFAULT_COUNT,
                MergedSearch.MAX_COUNT);
        Optional<Integer> page = MergedSearch.paging(request.getParam("_page"), 0, Integer.MAX_VALUE);
        if (count.isEmpty() || page.isEmpty()) {
            invalid(rc, "_count must be a whole number from 0 to " + MergedSearch.MAX_COUNT
                    + ", _page one from 0");
            return;
        }
        String since = request.getParam("_since");
        if (since != null && !isInstant(since)) {
            invalid(rc, "_since must be a time with its offset, e.g. 2026-12-05T14:00:00Z");
            return;
        }
        Set<String> types = new LinkedHashSet<>(TYPES.keySet());
        if (request.getParam("_type") != null) {
            Set<String> asked = java.util.Arrays.stream(request.getParam("_type").split(",")).map(String::strip)
                    .collect(java.util.stream.Collectors.toSet());
            if (!TYPES.keySet().containsAll(asked)) {
                invalid(rc, "_type must name types of " + String.join(", ", TYPES.keySet()));
                return;
            }
            types.retainAll(asked);
        }
        if (!isUuid(patient)) {
            GatewayProblems.send(rc.response(), 404, "not-found", "Not Found", "Patient " + patient
                    + " was not found", request.path());
            return;
        }
        List<MergedSearch.Search> searches = new ArrayList<>();
        String changed = since == null ? "" : "_lastUpdated=ge" + BackendReads.encode(since) + "&";
        searches.add(new MergedSearch.Search(Backend.INTAKE, RouteTable.FHIR_PREFIX + "Patient",
                "_id=" + patient + "&" + (types.contains("Patient") ? changed : "")));
        for (String type : types) {
            if (!type.equals("Patient")) {
                for (Backend owner : TYPES.get(type)) {
                    searches.add(new MergedSearch.Search(owner, RouteTable.FHIR_PREFIX + type,
                            "patient=" + patient + "&" + changed));
                }
            }
        }
        // First whether the caller may see who the patient is (a count, which reads and discloses nothing). One who may
        // not, such as an EHR whose consent releases the plans alone, gets the records it may see without the
        // Patient; when it may see none, the answer is the refusal or a 404, as a read's is.
        merged.gather(rc, List.of(new MergedSearch.Search(Backend.INTAKE, RouteTable.FHIR_PREFIX + "Patient",
                "_id=" + patient + "&")), 0, 0).onComplete(checked -> {
                    if (checked.failed()) {
                        BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
                    } else if (checked.result().total == 0) {
                        answer(rc, searches.subList(1, searches.size()), page.get(), count.get(),
                                Optional.of(checked.result()), patient);
                    } else {
                        answer(rc, types.contains("Patient") ? searches : searches.subList(1, searches.size()),
                                page.get(), count.get(), Optional.empty(), patient);
                    }
                });
    }

    /**
     * The page of the patient's records; {@code hidden}, the refusal of the patient's own read when the caller may
     * not see it, which is the answer when no record of theirs is visible either.
     */
    private void answer(RoutingContext rc, List<MergedSearch.Search> searches, int page, int count,
            Optional<MergedSearch.Gathered> hidden, String patient) {
        merged.gather(rc, searches, page, count).onComplete(done -> {
            if (done.failed()) {
                BackendReads.unavailable(rc, NOT_EVERY_SERVICE);
            } else if (hidden.isPresent() && done.result().total == 0) {
                MergedSearch.Gathered refused = hidden.get();
                if (!refused.anyAnswered && refused.refusal().status() != 404) {
                    BackendReads.relay(rc, refused.refusal());
                } else {
                    GatewayProblems.send(rc.response(), 404, "not-found", "Not Found", "Patient " + patient
                            + " was not found", rc.request().path());
                }
            } else if (done.result().firstInvalid != null) {
                // Each search is by patient: one a service cannot take is not silently left out.
                BackendReads.relay(rc, done.result().firstInvalid);
            } else {
                // The patient's records the caller may see, none perhaps: a consent may name none of their types.
                rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                        .end(MergedSearch.bundle(rc.request(), done.result(), page, count).toBuffer());
            }
        });
    }

    private static void invalid(RoutingContext rc, String detail) {
        GatewayProblems.send(rc.response(), 400, "invalid-parameter", "Bad Request", detail, rc.request().path());
    }

    private static boolean isInstant(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
