package io.cairn.intake.api;

import io.cairn.kit.api.ApiPaths;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/screeners")
@Tag(name = "Screeners", description = "The standardized screeners an assessment includes, item by item")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScreenerResource {

    private final ScreenerCatalogue catalogue;

    ScreenerResource(ScreenerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "listScreeners", summary = "Every screener with its items and answer options", description = "The published items and answer options of PHQ-9, GAD-7, AUDIT, DAST-10 and the C-SSRS screener, from which an assessment's screener responses are built. Any signed-in caller may read them: they hold no patient data.")
    @APIResponse(responseCode = "200", description = "PHQ-9, GAD-7, AUDIT, DAST-10 and the C-SSRS screener")
    public List<ScreenerView> list() {
        return catalogue.all().stream().map(ScreenerView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getScreener", summary = "One screener with its items and answer options", description = "One screener by its code (PHQ-9, GAD-7, AUDIT, DAST-10 or C-SSRS): its instructions, its items, and the value of each answer option an assessment accepts. Any signed-in caller may read it.")
    @APIResponse(responseCode = "200", description = "The screener")
    public ScreenerView get(@PathParam("code") ScreenerCode code) {
        return ScreenerView.of(catalogue.get(code));
    }
}
