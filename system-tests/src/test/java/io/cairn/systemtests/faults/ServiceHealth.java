package io.cairn.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services' own health answers (each on its port, as Kubernetes probes them), watched while a part is away: what
 * was not ready or not live, and when.
 */
final class ServiceHealth {

    /** Each service's own port in the local stack. */
    static final Map<String, Integer> PORTS = Map.of("intake-service", 8081, "treatment-plan-service", 8082,
            "scheduling-service", 8083, "aftercare-service", 8084, "worklist-service", 8085);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> failures = new ArrayList<>();
    private int rounds;

    /** Asks every service once whether it is ready and live, remembering each answer other than a 200. */
    void probe() {
        rounds++;
        PORTS.forEach((service, port) -> {
            for (String probe : List.of("ready", "live")) {
                int status = status("http://localhost:" + port + "/q/health/" + probe);
                if (status != 200) {
                    failures.add(service + " " + probe + " answered " + status + " in round " + rounds);
                }
            }
        });
    }

    int rounds() {
        return rounds;
    }

    List<String> failures() {
        return failures;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
