package io.cairn.kit.api;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Lists every property of an answer's schema as required. Jackson writes every component of a view, null or not, so
 * a client can rely on each being present; whether it may be null is the schema's type (a view marks those
 * {@code @Schema(nullable = true)}). Schemas that requests use too keep their own required list: there, absent is
 * allowed.
 */
final class AnswersRequired {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private AnswersRequired() {
    }

    static void mark(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> answered = new HashSet<>();
        Set<String> asked = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            collect(operation, schemas, answered, asked);
            if (path.getParameters() != null) {
                path.getParameters().forEach(parameter -> reach(parameter.getSchema(), schemas, asked));
            }
        }));
        answered.removeAll(asked);
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
            }
        }
    }

    private static void collect(Operation operation, Map<String, Schema> schemas, Set<String> answered,
            Set<String> asked) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    reach(response.getContent(), schemas, answered);
                }
            });
        }
        if (operation.getRequestBody() != null) {
            reach(operation.getRequestBody().getContent(), schemas, asked);
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                reach(parameter.getSchema(), schemas, asked);
            }
        }
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), schemas, names));
        }
    }

    /** Adds the names of the component schemas {@code schema} refers to, directly or through others. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_REF)) {
            String name = schema.getRef().substring(SCHEMA_REF.length());
            if (names.add(name)) {
                reach(schemas.get(name), schemas, names);
            }
        }
        reach(schema.getItems(), schemas, names);
        reach(schema.getAdditionalPropertiesSchema(), schemas, names);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, schemas, names));
        }
        for (List<Schema> choices : Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                schema.getOneOf())) {
            if (choices != null) {
                choices.forEach(choice -> reach(choice, schemas, names));
            }
        }
    }
}
