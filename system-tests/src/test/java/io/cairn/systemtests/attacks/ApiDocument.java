package io.cairn.systemtests.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.systemtests.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The gateway's merged OpenAPI document, read as a generated client would: every operation, its inputs and roles. */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: where it is, what it takes, and which roles the document says may call it. */
    public record Operation(String method, String path, List<String> pathParameters, List<JsonNode> queryParameters,
            JsonNode body, List<String> roles, boolean hasHeaderParameters) {

        public String name() {
            return method + " " + path;
        }

        public boolean takesBody() {
            return body != null;
        }

        public boolean writes() {
            return !method.equals("GET");
        }
    }

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    public static ApiDocument load() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Platform.GATEWAY + "/openapi")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiDocument(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("The gateway's /openapi could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> pathParameters = new ArrayList<>();
                List<JsonNode> queryParameters = new ArrayList<>();
                boolean headers = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    switch (parameter.path("in").asText()) {
                        case "path" -> pathParameters.add(parameter.path("name").asText());
                        case "query" -> queryParameters.add(parameter);
                        case "header" -> headers = true;
                        default -> {
                        }
                    }
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json")
                        .path("schema");
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : operation.path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue()
                            .forEach(role -> roles.add(role.asText())));
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), pathParameters,
                        queryParameters, body.isMissingNode() ? null : resolve(body), roles, headers));
            }
        }
        return operations;
    }

    /** A schema with its {@code $ref} followed, once (nested references are followed as they are met). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String name = current.get("$ref").asText().replace("#/components/schemas/", "");
            current = document.path("components").path("schemas").path(name);
        }
        return current;
    }
}
