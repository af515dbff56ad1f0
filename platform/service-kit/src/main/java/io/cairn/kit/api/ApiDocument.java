package io.cairn.kit.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What every service's OpenAPI document says the same way, written once: error answers, the list window's headers,
 * and which properties an answer always has.
 */
public class ApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addTo(openAPI);
        ListWindowHeaders.addTo(openAPI);
        AnswersRequired.mark(openAPI);
    }
}
