package io.cairn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.gateway.BackendReads.Answer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR Bulk Data export ({@code Patient/$export}, and {@code Group/{id}/$export} of a track's cohort), answered from every
 * service's part: the kick-off starts one job,
 * under one id, in each service that holds the types asked for, with the caller's token; the status is 202 until all
 * have finished, then one manifest; each file is read from the service that made it. Every service decides for itself
 * what the caller may have (an EHR client: what a Part 2 consent names it for), and checks again at download.
 */
final class BulkExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code Patient/$export}, or {@code Group/{id}/$export} of a track's cohort. */
    private static final Pattern KICK_OFF = Pattern.compile(
            "/fhir/r4/(?:Patient|Group/([A-Za-z0-9-]{1,64}))/(?:\\$|%24)export/?");
    /** The status and file paths this class writes, their {@code $} as sent or percent-encoded (as clients may). */
    private static final Pattern STATUS = Pattern.compile("/fhir/r4/(?:\\$|%24)export-status/([0-9a-f-]{36})/?");
    private static final Pattern FILE = Pattern.compile(
            "/fhir/r4/(?:\\$|%24)export-file/([0-9a-f-]{36})/([a-z-]{1,32})/([A-Za-z]{1,64})\\.ndjson");
    private static final Set<String> PARAMETERS = Set.of("_outputFormat", "_since", "_type");
    private static final Set<String> FORMATS = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final String NDJSON = "application/fhir+ndjson";

    private final BackendReads backends;

    BulkExport(BackendReads backends) {
        this.backends = backends;
    }

    static boolean serves(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.GET && (KICK_OFF.matcher(path).matches()
                || STATUS.matcher(path).matches() || FILE.matcher(path).matches())
                || request.method() == HttpMethod.DELETE && STATUS.matcher(path).matches();
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Matcher status = STATUS.matcher(request.path());
        Matcher file = FILE.matcher(request.path());
        if (KICK_OFF.matcher(request.path()).matches()) {
            kickOff(rc);
        } else if (status.matches() && request.method() == HttpMethod.DELETE) {
            cancel(rc, status.group(1));
        } else if (status.matches()) {
            status(rc, status.group(1));
        } else if (file.matches()) {
            file(rc, file.group(1), file.group(2), file.group(3));
        }
    }

    private void kickOff(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.toLowerCase().contains("respond-async")) {
            invalid(rc, "An export runs in the background: send Prefer: respond-async");
            return;
        }
        for (String name : request.params().names()) {
            if (!PARAMETERS.contains(name)) {
                invalid(rc, name + " is not a parameter Cairn's $export takes; use _type, _since, _outputFormat");
                return;
            }
            if (request.params().getAll(name).size() > 1) {
                invalid(rc, name + " may be given once");
                return;
            }
        }
        String format = request.getParam("_outputFormat");
        if (format != null && !FORMATS.contains(format)) {
            invalid(rc, "_outputFormat must be " + NDJSON);
            return;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : request.getParam("_type", "").split(",")) {
            if (!type.isBlank()) {
                types.add(type.strip());
            }
        }
        // Each service is asked for its own types only (all of them when none are named).
        Map<Backend, List<String>> asked = new LinkedHashMap<>();
        for (String type : types) {
            List<Backend> owners = PatientEverything.types().contains(type)
                    ? RouteTable.fhirOwnersOf(RouteTable.FHIR_PREFIX + type)
                    : List.of();
            if (owners.isEmpty()) {
                invalid(rc, "_type must name types of " + String.join(", ", PatientEverything.types()));
                return;
            }
            owners.forEach(owner -> asked.computeIfAbsent(owner, o -> new ArrayList<>()).add(type));
        }
        if (types.isEmpty()) {
            Arrays.stream(Backend.values()).forEach(backend -> asked.put(backend, List.of()));
        }
        Matcher kickOff = KICK_OFF.matcher(request.path());
        String group = kickOff.matches() ? kickOff.group(1) : null;
        if (group == null) {
            start(rc, asked, null);
            return;
        }
        // A Group's export holds its members' records alone: those the caller may see, as scheduling answers.
        backends.get(rc, Backend.SCHEDULING, RouteTable.FHIR_PREFIX + "Group/" + group).onComplete(read -> {
            if (read.failed()) {
                BackendReads.unavailable(rc, "The group's members could not be read; try again");
            } else if (!read.result().ok()) {
                BackendReads.relay(rc, read.result());
            } else {
                List<String> members = membersOf(read.result().body());
                if (members == null) {
                    BackendReads.unavailable(rc, "The group's members could not be read; try again");
                } else {
                    start(rc, asked, members);
                }
            }
        });
    }

    /** The patient ids a Group names as members, or null when it cannot be read. */
    private static List<String> membersOf(Buffer group) {
        try {
            List<String> members = new ArrayList<>();
            for (JsonNode member : JSON.readTree(group.getBytes()).path("member")) {
                String reference = member.path("entity").path("reference").asText();
                if (reference.startsWith("Patient/")) {
                    members.add(reference.substring("Patient/".length()));
                }
            }
            return members;
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts one part in each service asked, under one id: of every patient's records, or of the members named. */
    private void start(RoutingContext rc, Map<Backend, List<String>> asked, List<String> members) {
        HttpServerRequest request = rc.request();
        String job = UUID.randomUUID().toString();
        StringBuilder query = new StringBuilder("?request=").append(BackendReads.encode(base(request) + request.uri()));
        if (request.getParam("_since") != null) {
            query.append("&_since=").append(BackendReads.encode(request.getParam("_since")));
        }
        List<Backend> backends = new ArrayList<>(asked.keySet());
        ObjectNode scope = JSON.createObjectNode();
        // Each part is told every service started, so that one lost later is missed, not quietly left out.
        ArrayNode parts = scope.putArray("parts");
        backends.forEach(backend -> parts.add(backend.service()));
        if (members != null) {
            ArrayNode patients = scope.putArray("patients");
            members.forEach(patients::add);
        }
        Buffer body = Buffer.buffer(scope.toString());
        List<Future<Answer>> started = backends.stream().map(backend -> this.backends.send(rc, backend,
                HttpMethod.POST, RouteTable.FHIR_PREFIX + "_export/" + job + query + (asked.get(backend).isEmpty() ? ""
                        : "&_type=" + BackendReads.encode(String.join(",", asked.get(backend)))),
                body))
                .toList();
        Future.join(started).onComplete(done -> {
            for (int i = 0; i < started.size(); i++) {
                Future<Answer> answer = started.get(i);
                if (answer.failed() || !answer.result().ok()) {
                    // One part could not start: the others are cancelled, and the client is told why.
                    backends.forEach(backend -> this.backends.send(rc, backend, HttpMethod.DELETE,
                            RouteTable.FHIR_PREFIX + "_export/" + job));
                    if (answer.failed()) {
                        BackendReads.unavailable(rc, "The export could not start in every service; try again");
                    } else {
                        BackendReads.relay(rc, answer.result());
                    }
                    return;
                }
            }
            rc.response().setStatusCode(202)
                    .putHeader("Content-Location", base(request) + "/fhir/r4/$export-status/" + job).end();
        });
    }

    private void status(RoutingContext rc, String job) {
        List<Backend> all = Arrays.asList(Backend.values());
        List<Future<Answer>> parts = all.stream()
                .map(backend -> backends.get(rc, backend, RouteTable.FHIR_PREFIX + "_export/" + job)).toList();
        Future.join(parts).onComplete(done -> {
            if (parts.stream().anyMatch(Future::failed)) {
                BackendReads.unavailable(rc, "Not every service answered about the export; ask again");
                return;
            }
            List<Answer> answers = parts.stream().map(Future::result).toList();
            if (answers.stream().allMatch(answer -> answer.status() == 404)) {
                notFound(rc, job);
                return;
            }
            Set<String> started = startedParts(answers);
            for (int i = 0; i < all.size(); i++) {
                if (answers.get(i).status() == 404 && started.contains(all.get(i).service())) {
                    // That service lost its part (its database restored, say): the export is incomplete for good.
                    GatewayProblems.send(rc.response(), 404, "not-found", "Not Found", "Export " + job
                            + " is no longer whole: the " + all.get(i).service() + " service lost its part; start "
                            + "another", rc.request().path());
                    return;
                }
            }
            for (Answer answer : answers) {
                if (answer.status() != 200 && answer.status() != 202 && answer.status() != 404) {
                    BackendReads.relay(rc, answer);
                    return;
                }
            }
            if (answers.stream().anyMatch(answer -> answer.status() == 202)) {
                rc.response().setStatusCode(202).putHeader("Retry-After", "2").putHeader("X-Progress", "in progress")
                        .end();
                return;
            }
            manifest(rc, job, all, answers);
        });
    }

    /** The services the export was started in, as its parts were told; none when no part says. */
    private static Set<String> startedParts(List<Answer> answers) {
        Set<String> started = new LinkedHashSet<>();
        for (Answer answer : answers) {
            if (answer.status() == 200 || answer.status() == 202) {
                try {
                    JSON.readTree(answer.body().getBytes()).path("parts").forEach(part -> started.add(part.asText()));
                } catch (IOException e) {
                    // Read again with the manifest, which answers a 503 for a part it cannot read.
                }
            }
        }
        return started;
    }

    private void manifest(RoutingContext rc, String job, List<Backend> all, List<Answer> answers) {
        ObjectNode manifest = JSON.createObjectNode();
        ArrayNode output = JSON.createArrayNode();
        String transactionTime = null;
        String request = null;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() != 200) {
                continue;
            }
            JsonNode part;
            try {
                part = JSON.readTree(answers.get(i).body().getBytes());
            } catch (IOException e) {
                BackendReads.unavailable(rc, "A service answered about the export in a way the gateway could not read");
                return;
            }
            if ("failed".equals(part.path("status").asText())) {
                GatewayProblems.send(rc.response(), 500, "export-failed", "Export Failed",
                        part.path("error").asText("The export could not be completed; start another"),
                        rc.request().path());
                return;
            }
            String time = part.path("transactionTime").asText();
            transactionTime = transactionTime == null || time.compareTo(transactionTime) < 0 ? time : transactionTime;
            request = part.path("request").asText();
            for (JsonNode file : part.path("output")) {
                if (file.path("count").asLong() > 0) {
                    output.addObject().put("type", file.path("type").asText())
                            .put("url", base(rc.request()) + "/fhir/r4/$export-file/" + job + "/"
                                    + all.get(i).service() + "/" + file.path("type").asText() + ".ndjson")
                            .put("count", file.path("count").asLong());
                }
            }
        }
        manifest.put("transactionTime", transactionTime);
        manifest.put("request", request);
        manifest.put("requiresAccessToken", true);
        manifest.set("output", output);
        manifest.set("error", JSON.createArrayNode());
        rc.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(manifest.toString());
    }

    private void file(RoutingContext rc, String job, String service, String type) {
        Backend backend = Arrays.stream(Backend.values()).filter(b -> b.service().equals(service)).findFirst()
                .orElse(null);
        if (backend == null) {
            notFound(rc, job);
            return;
        }
        backends.pipe(rc, backend, RouteTable.FHIR_PREFIX + "_export/" + job + "/" + type,
                "The service that holds this file did not answer; try again");
    }

    private void cancel(RoutingContext rc, String job) {
        List<Future<Answer>> parts = Arrays.stream(Backend.values()).map(backend -> backends.send(rc, backend,
                HttpMethod.DELETE, RouteTable.FHIR_PREFIX + "_export/" + job)).toList();
        Future.join(parts).onComplete(done -> {
            boolean found = parts.stream().anyMatch(part -> part.succeeded() && part.result().ok());
            if (!found) {
                notFound(rc, job);
            } else {
                rc.response().setStatusCode(202).end();
            }
        });
    }

    /** Where the client reached the gateway, as the services write their links. */
    private static String base(HttpServerRequest request) {
        return ForwardedHeaders.base(request);
    }

    private static void invalid(RoutingContext rc, String detail) {
        GatewayProblems.send(rc.response(), 400, "invalid-parameter", "Invalid Parameter", detail,
                rc.request().path());
    }

    private static void notFound(RoutingContext rc, String job) {
        GatewayProblems.send(rc.response(), 404, "not-found", "Not Found", "No export " + job + " of yours",
                rc.request().path());
    }
}
