package io.cairn.gateway;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Date;
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
            config.put("gateway.backends." + backend.name().toLowerCase().replace('_', '-'),
                    "http://localhost:" + PORTS.get(backend));
        }
        return config;
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
                    request.response().putHeader("Content-Type", "application/fhir+json").end(capabilities(backend));
                    return;
                }
                RECEIVED.get(backend).incrementAndGet();
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

    private static String openApi(Backend backend) {
        String name = backend.name().toLowerCase().replace('_', '-');
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1"))
                .put("paths", new JsonObject().put("/api/v1/" + name + "-things", new JsonObject().put("get",
                        new JsonObject().put("operationId", "list-" + name + "-things").put("summary", "things")
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "ok"))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object"))
                        .put(name + "Thing", new JsonObject().put("type", "object"))))
                .encode();
    }

    /** The resource type each stand-in serves, as a service's own CapabilityStatement says it. */
    static String fhirType(Backend backend) {
        return switch (backend) {
            case INTAKE -> "Patient";
            case TREATMENT_PLAN -> "CarePlan";
            case SCHEDULING -> "Appointment";
            case AFTERCARE -> "EpisodeOfCare";
            case WORKLIST -> throw new IllegalArgumentException("The worklist has no FHIR views");
        };
    }

    private static String capabilities(Backend backend) {
        CapabilityStatement statement = new CapabilityStatement().setStatus(PublicationStatus.ACTIVE)
                .setDate(new Date()).setKind(CapabilityStatementKind.INSTANCE).setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getImplementation().setDescription(backend.name());
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true).setDescription("bearer tokens");
        rest.addResource().setType(fhirType(backend)).addInteraction().setCode(TypeRestfulInteraction.READ);
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(statement);
    }

    @Override
    public void stop() {
        // Shared by the JVM; the Vert.x threads are daemons.
    }
}
