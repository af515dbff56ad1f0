package io.cairn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the whole API, merged from every service's own: their paths, their schemas and their
 * tags. Mobile teams generate one client from it; Swagger UI shows it.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final BackendDocuments documents;
    private final ObjectMapper json = new ObjectMapper();
    /** The document is public and costs four backend calls: it is rebuilt at most once a minute. */
    private final com.github.benmanes.caffeine.cache.Cache<Integer, String> cached = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    MergedOpenApi(BackendDocuments documents) {
        this.documents = documents;
    }

    /** Serves the merged document; runs on a worker thread, as it asks every service for its own (cached briefly). */
    void serve(RoutingContext rc) {
        rc.response().putHeader("Content-Type", "application/json").end(cached.get(0, key -> merge().toString()));
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(-10).blockingHandler(this::serve);
        // Where every Quarkus user looks first: the gateway's own document would list none of the API.
        router.get("/q/openapi").order(-10).blockingHandler(this::serve);
    }

    ObjectNode merge() {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info").put("title", "Cairn API").put("version", "v1")
                .put("description", "Every Cairn service behind the gateway: intake, treatment plans, scheduling, "
                        + "aftercare and the care team's worklist. All paths need a bearer token; errors are "
                        + "application/problem+json. Lists answer a JSON array, windowed by page and size, with "
                        + "X-Total-Count and a Link to the next window. How to build a client: docs/clients.md.");
        info.putObject("contact").put("name", "Cairn maintainers").put("url", "https://cairn.io")
                .put("email", "api@cairn.io");
        info.putObject("license").put("name", "Apache 2.0").put("identifier", "Apache-2.0");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        merged.with("components").putObject("securitySchemes").putObject("bearer").put("type", "http")
                .put("scheme", "bearer").put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        for (Backend backend : Backend.values()) {
            Optional<JsonNode> fetched = fetch(backend);
            if (fetched.isEmpty()) {
                continue;
            }
            JsonNode document = fetched.get();
            copy(document.path("paths"), paths, backend, "path");
            copy(document.path("components").path("schemas"), schemas, backend, "schema");
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        return merged;
    }

    private void copy(JsonNode from, ObjectNode to, Backend backend, String kind) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (to.has(field.getKey()) && !to.get(field.getKey()).equals(field.getValue())) {
                LOG.warnf("%s %s of %s differs from another service's; the first one is kept", kind, field.getKey(),
                        backend);
                continue;
            }
            to.set(field.getKey(), field.getValue());
        }
    }

    private Optional<JsonNode> fetch(Backend backend) {
        return documents.fetch(backend, "/q/openapi?format=json", "application/json").flatMap(body -> {
            try {
                return Optional.of(json.readTree(body));
            } catch (IOException e) {
                LOG.warnf("OpenAPI document of %s is not JSON: %s", backend, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
