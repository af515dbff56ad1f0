package io.cairn.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The documents the gateway merges from every service (OpenAPI, the FHIR CapabilityStatement), fetched on a worker
 * thread. A service that is down or answers otherwise than 200 is left out of the merge, with a warning.
 */
@ApplicationScoped
public class BackendDocuments {

    private static final Logger LOG = Logger.getLogger(BackendDocuments.class);

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    BackendDocuments(GatewayConfig config) {
        this.config = config;
    }

    /** The body of {@code pathAndQuery} at {@code backend}, if it answered 200 within 5 seconds. */
    Optional<String> fetch(Backend backend, String pathAndQuery, String accept) {
        URI uri = backend.address(config).resolve(pathAndQuery);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("%s of %s answered %d", pathAndQuery, backend, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            LOG.warnf("%s of %s unavailable: %s", pathAndQuery, backend, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
