package io.cairn.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is what mobile apps and EHR integrators generate clients from: it must be complete. A
 * service's test extends this and adds {@code @QuarkusTest}.
 */
public abstract class OpenApiContract {

    @Test
    void everyOperationIsNamedSummarizedAndDocumentsItsErrorsAsProblems() {
        JsonPath document = JsonPath.from(given().accept("application/json").get("/q/openapi").asString());
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> defects = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                operations++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                Map<String, Object> schemes = document.getMap("components.securitySchemes");
                if (op.get("security") instanceof List<?> requirements) {
                    requirements.stream().flatMap(r -> ((Map<?, ?>) r).keySet().stream())
                            .filter(scheme -> schemes == null || !schemes.containsKey(scheme)
                                    || !"bearer".equals(scheme))
                            .forEach(scheme -> defects.add(where + ": security scheme " + scheme + " is not the "
                                    + "bearer scheme the document and the gateway's merged one define"));
                }
                if (!(op.get("operationId") instanceof String id) || !operationIds.add(id)) {
                    defects.add(where + ": no unique operationId");
                }
                if (op.get("summary") == null) {
                    defects.add(where + ": no summary");
                }
                if (!(op.get("description") instanceof String description) || description.isBlank()) {
                    defects.add(where + ": no description");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                for (String status : List.of("401", "403", "500")) {
                    if (responses == null || !responses.containsKey(status)) {
                        defects.add(where + ": " + status + " not documented");
                    }
                }
                if (responses != null && responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    defects.add(where + ": no success response");
                }
                if (responses != null) {
                    responses.entrySet().stream().filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                            .filter(r -> !(r.getValue().get("content") instanceof Map<?, ?> content) || content.isEmpty())
                            .forEach(r -> defects.add(where + ": " + r.getKey() + " response without content: a "
                                    + "generated client would accept only problem+json"));
                    responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                            .filter(r -> String.valueOf(r.getValue()).contains("{$ref=#/components/schemas/"))
                            .filter(r -> !hasSchemaExample(document, r.getValue()))
                            .forEach(r -> defects.add(where + ": " + r.getKey() + " response without example"));
                }
                if (responses != null && responses.get("200") != null && isWindowed(op)
                        && !(responses.get("200").get("headers") instanceof Map<?, ?> headers
                                && headers.containsKey("X-Total-Count") && headers.containsKey("Link"))) {
                    defects.add(where + ": a window without X-Total-Count and Link documented");
                }
                if (responses != null) {
                    responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                            .map(r -> schemaNamed(r.getValue())).filter(name -> name != null)
                            .filter(name -> !askedFor(document, name))
                            .filter(name -> !requiredOf(document, name).containsAll(propertiesOf(document, name)))
                            .forEach(name -> defects.add(where + ": the answer " + name + " does not list every "
                                    + "property as required"));
                }
                if (op.get("requestBody") != null && !hasSchemaExample(document, op.get("requestBody"))) {
                    defects.add(where + ": request body without example " + op.get("requestBody") + " "
                            + document.getMap("components.schemas").keySet());
                }
            }
        }
        assertTrue(operations >= minimumOperations(), "found " + operations + " operations");
        assertEquals(List.of(), defects);
        assertTrue(document.getMap("components.schemas").containsKey("Problem"));
    }

    private static boolean isWindowed(Map<String, Object> operation) {
        return operation.get("parameters") instanceof List<?> parameters
                && parameters.stream().map(p -> ((Map<?, ?>) p).get("name")).toList().containsAll(List.of("page",
                        "size"));
    }

    /** The component schema a request body or response refers to, itself or as its array's items. */
    private static String schemaNamed(Object content) {
        String body = String.valueOf(content);
        int ref = body.indexOf("#/components/schemas/");
        return ref < 0 ? null : body.substring(ref + "#/components/schemas/".length()).split("[,}\\s]")[0];
    }

    /** Whether a request body refers to the schema directly: there, its properties may be left out. */
    private static boolean askedFor(JsonPath document, String schema) {
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        return paths.values().stream().flatMap(path -> path.values().stream())
                .map(operation -> operation.get("requestBody")).filter(body -> body != null)
                .anyMatch(body -> schema.equals(schemaNamed(body)));
    }

    private static List<String> requiredOf(JsonPath document, String schema) {
        List<String> required = document.getList("components.schemas." + schema + ".required", String.class);
        return required == null ? List.of() : required;
    }

    private static Set<String> propertiesOf(JsonPath document, String schema) {
        Map<String, Object> properties = document.getMap("components.schemas." + schema + ".properties");
        return properties == null ? Set.of() : properties.keySet();
    }

    /** How many operations the service has at least, so that an empty document cannot pass. */
    protected abstract int minimumOperations();

    /** Whether the schema a request body or response refers to has an example. */
    private static boolean hasSchemaExample(JsonPath document, Object content) {
        String name = schemaNamed(content);
        if (name == null) {
            return false;
        }
        // OpenAPI 3.1 lists schema examples under "examples"; 3.0 had a single "example".
        return document.get("components.schemas." + name + ".examples") != null
                || document.get("components.schemas." + name + ".example") != null;
    }
}
