package io.cairn.kit.api;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the headers of a list window ({@link ListWindow}) on every operation that takes {@code page} and
 * {@code size}: {@code X-Total-Count}, and {@code Link} to the next window while there is one.
 */
final class ListWindowHeaders {

    private ListWindowHeaders() {
    }

    static void addTo(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().stream()
                .filter(ListWindowHeaders::isWindowed).forEach(ListWindowHeaders::document));
    }

    private static boolean isWindowed(Operation operation) {
        List<String> names = operation.getParameters() == null ? List.of()
                : operation.getParameters().stream().map(p -> p.getName()).toList();
        return names.contains("page") && names.contains("size");
    }

    private static void document(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null) {
            return;
        }
        ok.addHeader("X-Total-Count", OASFactory.createHeader()
                .description("How many items match in all windows")
                .required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")));
        ok.addHeader("Link", OASFactory.createHeader()
                .description("The next window, as <URL>; rel=\"next\", while there is one: follow it unchanged")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

}
