package io.cairn.fhir;

import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error under {@code /fhir/r4} is an OperationOutcome. The service's problem mappers decide what went wrong
 * (one place for that); this filter only says it in FHIR's words, with each violation as an issue of its own.
 */
public class OperationOutcomes {

    private static final MediaType FHIR_JSON = MediaType.valueOf(Fhir.JSON);

    @ServerResponseFilter
    public void inFhirWords(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && isFhir(request.getUriInfo().getPath())) {
            response.setEntity(of(problem), response.getEntityAnnotations(), FHIR_JSON);
        }
    }

    static boolean isFhir(String path) {
        return path.equals(ApiPaths.FHIR_R4) || path.startsWith(ApiPaths.FHIR_R4 + "/");
    }

    /** The problem as an OperationOutcome: its detail first, then one issue per violation. */
    public static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = typeOf(problem.status());
        outcome.addIssue().setSeverity(problem.status() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(type).setDiagnostics(problem.detail() == null ? problem.title() : problem.detail());
        problem.violations().forEach(violation -> outcome.addIssue().setSeverity(IssueSeverity.ERROR)
                .setCode(type).setDiagnostics(violation.message()).addExpression(violation.field()));
        return outcome;
    }

    static IssueType typeOf(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
