package io.cairn.treatmentplan.api;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.treatmentplan.domain.measures.MeasureOutcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/measure-outcomes")
@Tag(name = "Measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureOutcomesResource {

    private final MeasureOutcomes outcomes;

    MeasureOutcomesResource(MeasureOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(operationId = "getMeasureOutcomes", summary = "Share of episodes improved, unchanged and worse, by instrument", description = "For PHQ-9 and GAD-7: the episodes (plans) re-screened between from and to (inclusive), each judged by its instrument's reliable change from its first score to its last one taken by the end of the range (PHQ-9: 5 points, GAD-7: 4). Counts only, no patient: for program directors.")
    @APIResponse(responseCode = "200", description = "One figure per instrument")
    public List<MeasureOutcomes.Outcome> outcomes(@QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return outcomes.between(from, to);
    }
}
