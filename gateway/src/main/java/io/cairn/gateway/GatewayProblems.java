package io.cairn.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** The gateway's own answers, as application/problem+json like every service's (same types and shape). */
final class GatewayProblems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://cairn.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    static Buffer body(int status, String slug, String title, String detail, String instance) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return Buffer.buffer(problem.toString());
    }

    static void send(HttpServerResponse response, int status, String slug, String title, String detail,
            String instance) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body(status, slug, title, detail,
                instance));
    }
}
