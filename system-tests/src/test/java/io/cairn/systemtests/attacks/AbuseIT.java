package io.cairn.systemtests.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.systemtests.Platform;
import io.cairn.systemtests.faults.Api;
import io.cairn.systemtests.faults.FaultControl;
import io.cairn.systemtests.faults.Report;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Callers who take more than their share: too many requests, a body trickled in, a list asked for all at once. */
class AbuseIT {

    static final int LIMITED_GATEWAY_PORT = 8090;
    static final int READS_PER_MINUTE = 20;

    @Test
    void aCallerOverItsRateLimitGets429WhileOthersAreServed() throws Exception {
        // A gateway of the platform's own build with a clinic-sized limit (the suite's gateway has its raised).
        FaultControl.startReplica("gateway", LIMITED_GATEWAY_PORT, Map.of("GATEWAY_RATE_LIMIT_READS_PER_MINUTE",
                String.valueOf(READS_PER_MINUTE)));
        try {
            Api limited = new Api("http://localhost:" + LIMITED_GATEWAY_PORT);
            String greedy = Platform.tokenOf("scheduler", "scheduler");
            int served = 0;
            List<Api.Answer> refused = new ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            String retryAfter = null;
            for (int i = 0; i < READS_PER_MINUTE + 15; i++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + LIMITED_GATEWAY_PORT + "/api/v1/screeners")).header("Authorization", "Bearer " + greedy)
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    served++;
                } else {
                    refused.add(new Api.Answer(answer.statusCode(), answer.headers().firstValue("Content-Type")
                            .orElse(null), answer.body()));
                    retryAfter = answer.headers().firstValue("Retry-After").orElse(retryAfter);
                }
            }
            Api.Answer other = limited.get("/screeners", Platform.tokenOf("director", "director"));
            Report.figures("rate limit",
                    "limit=%d reads/min; %d requests by one caller: served=%d, refused=%d (429 with Retry-After %s s); another caller meanwhile: %d"
                            .formatted(READS_PER_MINUTE, READS_PER_MINUTE + 15, served, refused.size(), retryAfter,
                                    other.status()));
            assertTrue(served <= READS_PER_MINUTE, "served " + served);
            assertTrue(refused.size() >= 15, "refused " + refused.size());
            assertTrue(refused.stream().allMatch(a -> a.status() == 429 && a.isProblem()), refused.toString());
            assertTrue(retryAfter != null && Integer.parseInt(retryAfter) > 0, "Retry-After " + retryAfter);
            assertEquals(200, other.status(), "another caller is not held back");
        } finally {
            FaultControl.stopReplica("gateway", LIMITED_GATEWAY_PORT);
        }
    }

    @Test
    void aBodyTrickledInIsCutOff() throws Exception {
        String token = Platform.tokenOf("coordinator", "coordinator");
        URI gateway = URI.create(Platform.GATEWAY);
        long started = System.nanoTime();
        String status;
        boolean closed;
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/referrals HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // One byte every half second, on a timer, until the gateway cuts the connection.
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            status = in.readLine();
            String line;
            do {
                line = in.readLine();
            } while (line != null);
            closed = true;
            trickle.shutdownNow();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        Report.figures("slow body", "one byte every 0.5 s of a declared 100,000: answered '%s' and cut off after %d s"
                .formatted(status, seconds));
        assertEquals("HTTP/1.1 408 Request Timeout", status);
        assertTrue(closed && seconds <= 20, "cut off after " + seconds + " s");
    }

    @Test
    void noListAnswersMoreThanOneBoundedWindow() {
        Api gateway = new Api(Platform.GATEWAY);
        String director = Platform.tokenOf("director", "director");
        String scheduler = Platform.tokenOf("scheduler", "scheduler");
        // More tracks than one window holds.
        Api.Answer tracks = gateway.get("/tracks?size=1", scheduler);
        for (long have = Long.parseLong(tracks.header("X-Total-Count")); have <= 100; have++) {
            gateway.post("/tracks", scheduler, """
                    {"name":"Abuse %s","scheduleType":"evening","ageGroup":"adult","capacity":5,"facilitatorId":"f",
                     "activeFrom":"%s","blocks":[{"day":"MONDAY","start":"18:00","end":"21:00",
                     "groupType":"process-group","title":"t"}]}""".formatted(UUID.randomUUID(), LocalDate.now()));
        }
        List<String> lists = new ArrayList<>();
        List<String> unbounded = new ArrayList<>();
        for (ApiDocument.Operation operation : ApiDocument.load().operations()) {
            boolean paged = operation.queryParameters().stream().anyMatch(p -> p.path("name").asText().equals(
                    "size"));
            if (operation.writes() || !operation.pathParameters().isEmpty() || !paged) {
                continue;
            }
            String path = operation.path().replace("/api/v1", "") + requiredQuery(operation);
            String separator = path.contains("?") ? "&" : "?";
            lists.add(operation.name());
            Api.Answer all = gateway.get(path + separator + "size=100000", director);
            if (all.status() != 400 || !all.isProblem()) {
                unbounded.add(operation.name() + " size=100000: " + all);
            }
            Api.Answer unlimited = gateway.get(path + separator + "size=-1", director);
            if (unlimited.status() != 400) {
                unbounded.add(operation.name() + " size=-1: " + unlimited);
            }
            Api.Answer first = gateway.get(path, director);
            JsonNode body = first.json();
            int items = body.size();
            // One list shape: a window (page, size) says how many match in all; the audit trail's cursor does not.
            boolean windowed = operation.queryParameters().stream().anyMatch(p -> p.path("name").asText().equals(
                    "page"));
            if (first.status() != 200 || !body.isArray() || items > 100
                    || (windowed && first.header("X-Total-Count") == null)) {
                unbounded.add(operation.name() + " default window: " + first.status() + ", " + items + " items, X-Total-Count "
                        + first.header("X-Total-Count"));
            }
        }
        Api.Answer window = gateway.get("/tracks", scheduler);
        Report.figures("bounded lists",
                "program-wide lists=%d %s; size=100000 and size=-1 refused with 400; default window ≤ 100 items; /tracks with %s tracks answered %d and a next link: %s"
                        .formatted(lists.size(), lists, window.header("X-Total-Count"), window.json().size(),
                                window.header("Link") != null));
        assertEquals(List.of(), unbounded);
        assertEquals(100, window.json().size());
        assertTrue(window.header("Link") != null && window.header("Link").contains("page=1"), window.header("Link"));
    }

    /** Values for the query parameters a list cannot do without (a date range, an ISO week). */
    private static String requiredQuery(ApiDocument.Operation operation) {
        List<String> parts = new ArrayList<>();
        for (JsonNode parameter : operation.queryParameters()) {
            if (!parameter.path("required").asBoolean()) {
                continue;
            }
            String name = parameter.path("name").asText();
            switch (name) {
                case "from" -> parts.add("from=" + LocalDate.now().minusYears(1));
                case "to" -> parts.add("to=" + LocalDate.now().plusYears(1));
                default -> {
                }
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
