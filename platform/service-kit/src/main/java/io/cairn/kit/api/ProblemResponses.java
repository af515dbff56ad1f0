package io.cairn.kit.api;

import io.cairn.kit.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json errors every operation can answer, so that each resource declares only its own
 * successes and conflicts: 400/413/415 where a body is sent, 404 where the path names a resource, 401, 403 and 500
 * everywhere; every error answer, a resource's own included, carries the problem schema.
 */
final class ProblemResponses {

    private static final String PROBLEM_SCHEMA = "Problem";

    private ProblemResponses() {
    }

    static void addTo(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean namesResource = path.getKey().contains("{");
            path.getValue().getOperations().forEach((method, operation) -> document(operation, namesResource,
                    method == PathItem.HttpMethod.GET));
        }
    }

    private static void document(Operation operation, boolean namesResource, boolean isRead) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, "400", isRead ? "Invalid query parameters"
                : "Malformed JSON or invalid values, each named in "
                        + "violations[]");
        add(responses, "401", "No valid bearer token");
        add(responses, "403", "The caller's role may not do this");
        if (namesResource) {
            add(responses, "404", "No such resource, or not one the caller may see");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than allowed");
            add(responses, "415", "The body is not application/json");
        }
        add(responses, "500", "Unexpected failure; the detail carries a reference to quote");
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
