package io.cairn.gateway;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.cairn.contracts.Roles;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * Small real HTTP servers standing in for the services: each answers with what it received (method, path,
 * query, headers, body), takes its time on {@code /slow}, and serves a small OpenAPI document of its own.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    private static final Vertx VERTX = Vertx.vertx();
    private static final Map<Backend, HttpServer> SERVERS = new EnumMap<>(Backend.class);
    private static final Map<Backend, Integer> PORTS = new EnumMap<>(Backend.class);
    private static final Map<Backend, AtomicInteger> RECEIVED = new EnumMap<>(Backend.class);

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (Backend backend : Backend.values()) {
            if (!SERVERS.containsKey(backend)) {
                RECEIVED.put(backend, new AtomicInteger());
                startServer(backend, 0);
            }
            config.put("gateway.backends." + backend.service(),
                    "http://localhost:" + PORTS.get(backend));
        }
        return config;
    }

    private static final AtomicInteger METADATA_FETCHED = new AtomicInteger();

    /** How many times any backend's CapabilityStatement was fetched. */
    public static int metadataFetched() {
        return METADATA_FETCHED.get();
    }

    /** How many requests reached the backend so far. */
    public static int received(Backend backend) {
        return RECEIVED.get(backend).get();
    }

    public static void stop(Backend backend) throws Exception {
        SERVERS.remove(backend).close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    public static void restart(Backend backend) throws Exception {
        startServer(backend, PORTS.get(backend));
    }

    private static void startServer(Backend backend, int port) {
        try {
            HttpServer server = VERTX.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (request.path().equals("/q/openapi")) {
                    request.response().putHeader("Content-Type", "application/json").end(openApi(backend));
                    return;
                }
                if (request.path().equals("/fhir/r4/metadata")) {
                    METADATA_FETCHED.incrementAndGet();
                    request.response().putHeader("Content-Type", "application/fhir+json").end(capabilities(backend));
                    return;
                }
                RECEIVED.get(backend).incrementAndGet();
                if (request.path().equals("/api/v1/audit-events") || request.path().equals("/fhir/r4/AuditEvent")) {
                    auditTrail(backend, request);
                    return;
                }
                if (request.path().startsWith("/fhir/r4/_export/")) {
                    if (request.method() == io.vertx.core.http.HttpMethod.POST) {
                        EXPORT_SCOPES.put(backend, body.toString());
                    }
                    export(backend, request);
                    return;
                }
                if (backend == Backend.SCHEDULING && request.path().startsWith("/fhir/r4/Group/")) {
                    group(request);
                    return;
                }
                if (request.path().startsWith("/fhir/r4/Task") && TASKS.containsKey(backend)) {
                    tasks(backend, request);
                    return;
                }
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                JsonObject echo = new JsonObject().put("backend", backend.name()).put("method", request.method().name())
                        .put("path", request.path()).put("query", request.query()).put("headers", headers)
                        .put("body", body.toString());
                long delay = request.path().endsWith("/slow") ? 3_000 : 0;
                VERTX.setTimer(Math.max(1, delay), t -> request.response().putHeader("Content-Type",
                        "application/json").putHeader("X-Backend", backend.name()).end(echo.encode()));
            })).listen(port).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            SERVERS.put(backend, server);
            PORTS.put(backend, server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException("backend " + backend + " did not start", e);
        }
    }

    /**
     * A service's part of a Bulk Data export: it starts (202), is complete with two records of one type named after
     * the service (intake's {@code IntakeThing}), serves them as NDJSON, and is deleted; worklist's is still running,
     * until {@link #finishWorklistExports} is set.
     */
    private static void export(Backend backend, io.vertx.core.http.HttpServerRequest request) {
        String type = Character.toUpperCase(backend.service().charAt(0)) + backend.service().substring(1)
                .replace("-", "") + "Thing";
        String[] parts = request.path().split("/");
        if (request.method() == io.vertx.core.http.HttpMethod.POST
                || request.method() == io.vertx.core.http.HttpMethod.DELETE) {
            request.response().setStatusCode(202).end();
        } else if (backend == lostExports) {
            fhirAnswer(request, 404, outcome("not-found"));
        } else if (parts.length == 6) {
            request.response().putHeader("Content-Type", "application/fhir+ndjson")
                    .end("{\"resourceType\":\"Basic\",\"id\":\"" + backend.service() + "-1\"}\n");
        } else if (backend == Backend.WORKLIST && !finishWorklistExports) {
            request.response().setStatusCode(202).end();
        } else {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("status", "complete").put("transactionTime", "2026-12-06T07:00:0" + backend.ordinal() + "Z")
                    .put("request", "http://localhost/fhir/r4/Patient/$export")
                    .put("parts", new JsonArray(Arrays.stream(Backend.values()).map(Backend::service).toList()))
                    .put("output", new JsonArray().add(new JsonObject().put("type", type).put("count", 2))
                            .add(new JsonObject().put("type", "Empty").put("count", 0)))
                    .encode());
        }
    }

    /** The body of each service's last export start: whose records it holds. */
    static final Map<Backend, String> EXPORT_SCOPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Scheduling's track {@code evening} as a Group of two members; any other is not found. */
    private static void group(HttpServerRequest request) {
        if (!request.path().equals("/fhir/r4/Group/evening")) {
            fhirAnswer(request, 404, outcome("not-found"));
            return;
        }
        fhirAnswer(request, 200, new JsonObject().put("resourceType", "Group").put("id", "evening")
                .put("type", "person").put("actual", true).put("member", new JsonArray()
                        .add(new JsonObject().put("entity", new JsonObject().put("reference", "Patient/" + MEMBERS.get(0))))
                        .add(new JsonObject().put("entity", new JsonObject().put("reference", "Patient/" + MEMBERS.get(1))))));
    }

    /** The members of the stand-in track {@code evening}. */
    static final List<String> MEMBERS = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

    /** The stand-in that has lost its parts of every export (404), or null. */
    static volatile Backend lostExports;

    /** Whether the stand-in worklist's exports have finished. */
    public static volatile boolean finishWorklistExports;

    private static String openApi(Backend backend) {
        String name = backend.service();
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1"))
                .put("paths", new JsonObject().put("/api/v1/" + name + "-things", new JsonObject().put("get",
                        new JsonObject().put("operationId", "list-" + name + "-things").put("summary", "things")
                                .put("security", new JsonArray().add(new JsonObject().put("bearer",
                                        new JsonArray().add("clinician"))))
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "ok"))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object"))
                        .put(name + "Thing", new JsonObject().put("type", "object"))))
                .encode();
    }

    /** The resource types each stand-in serves, as a service's own CapabilityStatement says them. */
    static List<String> fhirTypes(Backend backend) {
        return switch (backend) {
            case INTAKE -> List.of("Patient");
            case TREATMENT_PLAN -> List.of("CarePlan");
            case SCHEDULING -> List.of("Appointment");
            case AFTERCARE -> List.of("EpisodeOfCare", "Task");
            case WORKLIST -> List.of("Task");
        };
    }

    /**
     * The Tasks the two services that serve them hold, as the real ones behave: aftercare's follow-ups are searched
     * by patient (400 without one); the worklist's tasks are staff's only (403 to an EHR).
     */
    static final Map<Backend, List<String>> TASKS = Map.of(
            Backend.AFTERCARE, List.of("follow-up-1", "follow-up-2", "follow-up-3"),
            Backend.WORKLIST, List.of("task-1", "task-2", "task-3", "task-4"));

    /** When each Task last changed: each service's in the order it holds them, the two services' interleaved. */
    static final Map<String, String> TASK_UPDATED = Map.of("follow-up-1", "2026-12-05T10:01:00Z",
            "task-1", "2026-12-05T10:02:00Z", "follow-up-2", "2026-12-05T10:03:00.5Z",
            "task-2", "2026-12-05T10:03:00.61Z", "follow-up-3", "2026-12-05T10:05:00Z",
            "task-3", "2026-12-05T10:06:00Z", "task-4", "2026-12-05T10:07:00Z");

    /** How many Tasks the stand-ins have answered in searches, all together: what a real service would audit. */
    static final AtomicInteger SERVED_TASKS = new AtomicInteger();

    private static void tasks(Backend backend, HttpServerRequest request) {
        List<String> held = TASKS.get(backend);
        if (backend == Backend.WORKLIST && bearerPayload(request).contains(Roles.EHR_INTEGRATION)) {
            fhirAnswer(request, 403, outcome("forbidden"));
            return;
        }
        String id = request.path().substring("/fhir/r4/Task".length()).replace("/", "");
        if (!id.isEmpty()) {
            if (held.contains(id)) {
                request.response().putHeader("ETag", "W/\"3\"");
                fhirAnswer(request, 200, task(id));
            } else {
                fhirAnswer(request, 404, outcome("not-found"));
            }
            return;
        }
        if (backend == Backend.AFTERCARE && "hidden".equals(request.getParam("patient"))) {
            // A patient whose consent does not name the caller is not found, as aftercare answers it.
            fhirAnswer(request, 404, outcome("not-found"));
            return;
        }
        if (backend == Backend.AFTERCARE && request.getParam("patient") == null) {
            fhirAnswer(request, 400, outcome("required"));
            return;
        }
        int count;
        int offset;
        try {
            count = Integer.parseInt(request.getParam("_count"));
            offset = Integer.parseInt(request.getParam("_offset"));
        } catch (NumberFormatException e) {
            fhirAnswer(request, 400, outcome("invalid"));
            return;
        }
        String sort = request.getParam("_sort");
        if (sort != null && !List.of("_lastUpdated", "-_lastUpdated").contains(sort)) {
            fhirAnswer(request, 400, outcome("invalid"));
            return;
        }
        if ("-_lastUpdated".equals(sort)) {
            held = new java.util.ArrayList<>(held);
            java.util.Collections.reverse(held);
        }
        JsonArray entries = new JsonArray();
        for (int i = offset; i < Math.min(held.size(), offset + count); i++) {
            entries.add(new JsonObject().put("fullUrl", "http://" + request.getHeader("X-Forwarded-Host")
                    + "/fhir/r4/Task/" + held.get(i)).put("resource", task(held.get(i)))
                    .put("search", new JsonObject().put("mode", "match")));
        }
        SERVED_TASKS.addAndGet(entries.size());
        JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", held.size());
        if (!entries.isEmpty()) {
            bundle.put("entry", entries);
        }
        fhirAnswer(request, 200, bundle);
    }

    /**
     * Each stand-in's audit log: the minute of the hour (on 2026-12-05 at 10:00 UTC) each of its records was written
     * at, in the order it wrote them (record 1 first). Merged newest first: worklist 1, scheduling 4, intake 3,
     * scheduling 3, treatment-plan 2, intake 2, scheduling 2 and 1, treatment-plan 1, intake 1.
     */
    static final Map<Backend, List<Integer>> AUDIT_MINUTES = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            Backend.INTAKE, List.of(10, 40, 54),
            Backend.TREATMENT_PLAN, List.of(20, 50),
            Backend.SCHEDULING, List.of(30, 35, 52, 56),
            Backend.AFTERCARE, List.of(),
            Backend.WORKLIST, List.of(58)));

    /** A stand-in's audit log, as every service answers it: a director's only, newest first, paged by cursor. */
    private static void auditTrail(Backend backend, HttpServerRequest request) {
        boolean fhir = request.path().startsWith("/fhir");
        if (!bearerPayload(request).contains(Roles.PROGRAM_DIRECTOR)) {
            if (fhir) {
                fhirAnswer(request, 403, outcome("forbidden"));
            } else {
                request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 403).put("title", "Forbidden").encode());
            }
            return;
        }
        int size;
        long before;
        try {
            size = Integer.parseInt(request.getParam(fhir ? "_count" : "size", fhir ? "20" : "100"));
            before = Long.parseLong(request.getParam("cursor", String.valueOf(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 400).put("title", "Bad Request").encode());
            return;
        }
        String service = backend.service();
        List<Integer> minutes = AUDIT_MINUTES.get(backend);
        JsonArray page = new JsonArray();
        for (int number = minutes.size(); number >= 1 && page.size() < size; number--) {
            if (number < before) {
                String at = String.format("2026-12-05T10:%02d:00Z", minutes.get(number - 1));
                page.add(fhir ? new JsonObject().put("fullUrl", "http://gateway/fhir/r4/AuditEvent/" + service + "-"
                        + number).put("resource", new JsonObject().put("resourceType", "AuditEvent")
                                .put("id", service + "-" + number).put("recorded", at.replace("Z", "+00:00")))
                        : new JsonObject().put("id", number).put("service", service).put("occurredAt", at));
            }
        }
        SERVED_AUDIT_RECORDS.addAndGet(page.size());
        boolean full = size > 0 && page.size() == size;
        if (fhir) {
            JsonArray links = new JsonArray().add(new JsonObject().put("relation", "self").put("url", "x"));
            if (full) {
                links.add(new JsonObject().put("relation", "next").put("url", "y"));
            }
            JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "searchset")
                    .put("link", links);
            if (!page.isEmpty()) {
                bundle.put("entry", page);
            }
            fhirAnswer(request, 200, bundle);
        } else {
            if (full) {
                request.response().putHeader("Link", "<http://" + request.getHeader("X-Forwarded-Host")
                        + request.path() + "?cursor=" + page.getJsonObject(page.size() - 1).getLong("id")
                        + ">; rel=\"next\"");
            }
            request.response().putHeader("Content-Type", "application/json").end(page.encode());
        }
    }

    /** How many audit records the stand-ins have answered in all. */
    static final AtomicInteger SERVED_AUDIT_RECORDS = new AtomicInteger();

    private static JsonObject task(String id) {
        return new JsonObject().put("resourceType", "Task").put("id", id).put("status", "ready")
                .put("intent", "order").put("meta", new JsonObject().put("lastUpdated", TASK_UPDATED.get(id)));
    }

    private static JsonObject outcome(String code) {
        return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray()
                .add(new JsonObject().put("severity", "error").put("code", code)));
    }

    private static void fhirAnswer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/fhir+json").end(body.encode());
    }

    /** The claims of the caller's token, as text: enough for a stand-in to tell an EHR from staff. */
    private static String bearerPayload(HttpServerRequest request) {
        String token = request.getHeader("Authorization").substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String capabilities(Backend backend) {
        CapabilityStatement statement = new CapabilityStatement().setStatus(PublicationStatus.ACTIVE)
                .setDate(new Date()).setKind(CapabilityStatementKind.INSTANCE).setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getImplementation().setDescription(backend.name());
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true).setDescription("bearer tokens");
        for (String type : fhirTypes(backend)) {
            var resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addSearchParam().setName(backend == Backend.WORKLIST ? "status" : "patient")
                    .setType(backend == Backend.WORKLIST ? SearchParamType.TOKEN : SearchParamType.REFERENCE);
        }
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(statement);
    }

    @Override
    public void stop() {
        // Shared by the JVM; the Vert.x threads are daemons.
    }
}
