package io.cairn.gateway;

import io.cairn.gateway.BackendReads.Answer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code _include} of the patient ({@code Appointment:patient}, {@code CarePlan:subject}, ...): the patient lives in
 * intake, the matches in another service, so the gateway asks the service for its matches and intake for the
 * patients they reference, with the caller's token. Intake applies its own rules: a patient the caller may not read
 * (an EHR without a consent for demographics) is left out, as FHIR lets a server leave out what it will not include.
 */
final class PatientIncludes {

    static final String INCLUDE = "_include";
    /** The R4 search parameters, per resource type, that reference the patient a record is about. */
    private static final Map<String, Set<String>> TO_PATIENT = Map.ofEntries(
            Map.entry("ServiceRequest", Set.of("patient", "subject")),
            Map.entry("Consent", Set.of("patient")),
            Map.entry("QuestionnaireResponse", Set.of("patient", "subject")),
            Map.entry("Observation", Set.of("patient", "subject")),
            Map.entry("CarePlan", Set.of("patient", "subject")),
            Map.entry("Goal", Set.of("patient", "subject")),
            Map.entry("Appointment", Set.of("patient", "actor")),
            Map.entry("Encounter", Set.of("patient", "subject")),
            Map.entry("EpisodeOfCare", Set.of("patient")));
    private static final int MOST_PATIENTS = 100;

    private final BackendReads backends;

    PatientIncludes(BackendReads backends) {
        this.backends = backends;
    }

    /** Lists, in the merged CapabilityStatement, the includes of the patient the gateway answers. */
    static void describe(org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent rest) {
        for (var resource : rest.getResource()) {
            TO_PATIENT.getOrDefault(resource.getType(), Set.of()).stream().sorted()
                    .forEach(parameter -> resource.addSearchInclude(resource.getType() + ":" + parameter));
        }
    }

    /**
     * Whether the request is a search of a type held by one service that asks for the patient to be included. A type
     * two services hold is merged first ({@link SharedFhirType}), which then includes the patients of its page.
     */
    static boolean asks(HttpServerRequest request) {
        return includesPatient(request) && RouteTable.fhirOwnersOf(request.path()).size() == 1;
    }

    /** Whether the request is a search that asks for the patient of its matches to be included. */
    static boolean includesPatient(HttpServerRequest request) {
        String type = RouteTable.fhirType(request.path());
        String typePath = RouteTable.FHIR_PREFIX + type;
        return (request.path().equals(typePath) || request.path().equals(typePath + "/"))
                && TO_PATIENT.containsKey(type) && request.params().getAll(INCLUDE).stream()
                        .anyMatch(include -> toPatient(type, include));
    }

    /**
     * The request's query without {@code names} and without its includes of the patient, which the gateway answers
     * itself: what the service that holds the matches is asked.
     */
    static String queryForMatches(HttpServerRequest request, Set<String> names) {
        String type = RouteTable.fhirType(request.path());
        Set<String> without = new java.util.HashSet<>(names);
        without.add(INCLUDE);
        StringBuilder query = new StringBuilder(BackendReads.queryWithout(request, without));
        if (!names.contains(INCLUDE)) {
            for (String include : request.params().getAll(INCLUDE)) {
                if (!TO_PATIENT.containsKey(type) || !toPatient(type, include)) {
                    query.append(INCLUDE).append('=').append(BackendReads.encode(include)).append('&');
                }
            }
        }
        return query.toString();
    }

    private static boolean toPatient(String type, String include) {
        int colon = include.indexOf(':');
        return colon > 0 && include.substring(0, colon).equals(type)
                && TO_PATIENT.get(type).contains(include.substring(colon + 1));
    }

    void handle(RoutingContext rc, Backend owner) {
        HttpServerRequest request = rc.request();
        backends.get(rc, owner, request.path() + "?" + queryForMatches(request, Set.of())).onComplete(searched -> {
            if (searched.failed()) {
                BackendReads.unavailable(rc, "The service that holds these records did not answer; try again");
                return;
            }
            Answer answer = searched.result();
            JsonObject bundle;
            try {
                bundle = answer.ok() ? answer.body().toJsonObject() : null;
            } catch (DecodeException e) {
                bundle = null;
            }
            if (bundle == null || referencedPatients(bundle).isEmpty()) {
                BackendReads.relay(rc, answer);
                return;
            }
            answerWithPatients(rc, bundle);
        });
    }

    /** Answers the searchset with the patients its matches reference, those of them intake lets the caller read. */
    void answerWithPatients(RoutingContext rc, JsonObject matches) {
        Set<String> patients = referencedPatients(matches);
        if (patients.isEmpty()) {
            rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON).end(matches.toBuffer());
            return;
        }
        backends.get(rc, Backend.INTAKE, RouteTable.FHIR_PREFIX + "Patient?_id=" + String.join(",", patients)
                + "&_count=" + MOST_PATIENTS).onComplete(read -> {
                    if (read.succeeded() && read.result().ok()) {
                        include(matches, read.result());
                    }
                    // Not readable, or intake did not answer: the matches without their patients.
                    rc.response().setStatusCode(200).putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                            .end(matches.toBuffer());
                });
    }

    /** The patients the matches reference, at most as many as one read of intake answers. */
    private static Set<String> referencedPatients(JsonObject bundle) {
        Set<String> patients = new LinkedHashSet<>();
        for (Object entry : bundle.getJsonArray("entry", new JsonArray())) {
            if (entry instanceof JsonObject match
                    && !"include".equals(match.getJsonObject("search", new JsonObject()).getString("mode"))) {
                collect(match.getValue("resource"), patients);
            }
        }
        return patients.stream().limit(MOST_PATIENTS).collect(java.util.stream.Collectors.toCollection(
                LinkedHashSet::new));
    }

    private static void collect(Object value, Set<String> patients) {
        if (value instanceof JsonObject object) {
            if (object.getValue("reference") instanceof String reference && reference.startsWith("Patient/")) {
                patients.add(reference.substring("Patient/".length()));
            }
            object.forEach(field -> collect(field.getValue(), patients));
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collect(item, patients));
        }
    }

    private static void include(JsonObject bundle, Answer patients) {
        JsonArray read;
        try {
            read = patients.body().toJsonObject().getJsonArray("entry", new JsonArray());
        } catch (DecodeException e) {
            return;
        }
        JsonArray entries = bundle.getJsonArray("entry", new JsonArray());
        for (Object entry : read) {
            if (entry instanceof JsonObject patient) {
                entries.add(patient.put("search", new JsonObject().put("mode", "include")));
            }
        }
        bundle.put("entry", entries);
    }
}
