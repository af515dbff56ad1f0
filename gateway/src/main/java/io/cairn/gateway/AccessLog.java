package io.cairn.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** One JSON line per request: request id, subject, route, method, status, duration. Never tokens or bodies. */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("cairn.gateway.access");
    private static final ObjectMapper JSON = new ObjectMapper();

    public void record(String requestId, String subject, String route, String method, int status, long nanos) {
        ObjectNode line = JSON.createObjectNode();
        line.put("requestId", requestId);
        line.put("subject", subject);
        line.put("route", route);
        line.put("method", method);
        line.put("status", status);
        line.put("durationMs", nanos / 1_000_000.0);
        LOG.info(line.toString());
    }
}
