package io.cairn.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for many concurrent calls: what a busy EHR integration sends, status and body kept. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What came back; a transport failure has status 0 and the failure as body. */
    public record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** JSON as the bytes of a request body. */
    public static byte[] bytesOf(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Answer post(String path, String token, String json) {
        return send("POST", "/api/v1" + path, "application/json", json.getBytes(StandardCharsets.UTF_8), token,
                Map.of());
    }

    public Answer put(String path, String token, String json) {
        return send("PUT", "/api/v1" + path, "application/json", json.getBytes(StandardCharsets.UTF_8), token,
                Map.of());
    }

    public Answer get(String path, String token) {
        return send("GET", "/api/v1" + path, null, null, token, Map.of());
    }

    /**
     * A clinician's whole assessment of the patient, every section and screener filled in, completed: one
     * {@code intake.assessment.completed}. Returns the assessment's id.
     *
     * @throws IllegalStateException naming the step that was refused
     */
    public String completeAssessment(String clinician, String patientId) {
        String assessment = expect(201, post("/assessments", clinician, "{\"patientId\":\"" + patientId + "\"}"))
                .json().get("id").asText();
        expect(200, put("/assessments/" + assessment, clinician, io.cairn.systemtests.Journey.FULL_ASSESSMENT));
        expect(200, post("/assessments/" + assessment + "/complete", clinician, ""));
        return assessment;
    }

    private static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer);
        }
        return answer;
    }

    /**
     * Sends exactly what it is given: any body bytes (invalid UTF-8 included), any content type or none, extra
     * headers. {@code path} is the whole path; {@code token} may be null (no Authorization header).
     */
    public Answer send(String method, String path, String contentType, byte[] body, String token,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::setHeader);
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().map());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, e.toString());
        }
    }
}
