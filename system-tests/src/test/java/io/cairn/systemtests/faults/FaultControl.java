package io.cairn.systemtests.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Takes parts of the running platform away and brings them back, through the local stack's fault control. */
public final class FaultControl {

    static final String URL = System.getProperty("cairn.fault-control", "http://localhost:8099");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FaultControl() {
    }

    public static void stopKafka() {
        post("/kafka/stop");
    }

    public static void startKafka() {
        post("/kafka/start");
    }

    public static void stopPostgres() {
        post("/postgres/stop");
    }

    public static void startPostgres() {
        post("/postgres/start");
    }

    public static void stopService(String name) {
        post("/services/" + name + "/stop");
    }

    /** Starts the service on its own port again and returns once it is ready. */
    public static void startService(String name) {
        post("/services/" + name + "/start");
    }

    /** Starts one more instance of a service on another port, with settings overridden, ready when this returns. */
    public static void startReplica(String name, int port, Map<String, String> environment) {
        StringBuilder query = new StringBuilder("?port=" + port);
        environment.forEach((key, value) -> query.append("&env=")
                .append(URLEncoder.encode(key + "=" + value, StandardCharsets.UTF_8)));
        post("/services/" + name + "/start" + query);
    }

    public static void stopReplica(String name, int port) {
        post("/services/" + name + "/stop?port=" + port);
    }

    private static void post(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("Fault control " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Fault control is not reachable at " + URL
                    + ": start the platform with bin/cairn-local --fault-control", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
