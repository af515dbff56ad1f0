package io.cairn.gateway;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The gateway's own answers, in the words of the interface asked: application/problem+json like every service's
 * (same types and shape), or under {@code /fhir} an OperationOutcome like every service's FHIR views.
 */
final class GatewayProblems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String FHIR_JSON = "application/fhir+json";
    private static final String TYPE_BASE = "https://cairn.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer's body and its media type. */
    record Answer(String mediaType, Buffer body) {
    }

    private GatewayProblems() {
    }

    static Answer answer(int status, String slug, String title, String detail, String instance) {
        if (RouteTable.isFhir(instance)) {
            return new Answer(FHIR_JSON, operationOutcome(status, detail));
        }
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return new Answer(MEDIA_TYPE, Buffer.buffer(problem.toString()));
    }

    static void send(HttpServerResponse response, int status, String slug, String title, String detail,
            String instance) {
        if (response.ended()) {
            return;
        }
        Answer answer = answer(status, slug, title, detail, instance);
        response.setStatusCode(status).putHeader("Content-Type", answer.mediaType()).end(answer.body());
    }

    private static Buffer operationOutcome(int status, String detail) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(issueType(status)).setDiagnostics(detail);
        return Buffer.buffer(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
    }

    /** The statuses the gateway itself answers with, as FHIR's issue types. */
    private static IssueType issueType(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 404 -> IssueType.NOTFOUND;
            case 408, 504 -> IssueType.TIMEOUT;
            case 413, 414 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
