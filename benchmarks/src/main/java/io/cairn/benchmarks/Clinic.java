package io.cairn.benchmarks;

import io.cairn.systemtests.Journey;
import io.cairn.systemtests.faults.Api;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The clinic's side of a benchmark: demo users' tokens from Keycloak, and patients registered through the gateway. */
final class Clinic {

    private static final String TOKEN_URL = "http://localhost:8180/realms/cairn/protocol/openid-connect/token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Api gateway = new Api("http://localhost:" + Stack.GATEWAY);
    final String coordinator = token("coordinator");
    final String clinician = token("clinician");
    final String scheduler = token("scheduler");
    final String caseManager = token("case-manager");

    /** A demo user's access token (password grant of the cairn-cli client; the password is the user name). */
    static String token(String user) {
        String form = "grant_type=password&client_id=cairn-cli&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("No token for " + user + ": " + answer.body());
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("access_token")
                    .asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    UUID registerPatient(String familyName) {
        Api.Answer patient = gateway.post("/patients", coordinator, """
                {"givenName":"Bench","familyName":"%s","birthDate":"1984-03-02","sex":"female",
                 "ageGroup":"adult","preferredSchedule":"evening"}""".formatted(familyName));
        if (patient.status() != 201) {
            throw new IllegalStateException("Registering a patient answered " + patient);
        }
        return UUID.fromString(patient.json().get("id").asText());
    }

    /** A patient with an assessment filled in and ready to complete. */
    record ReadyAssessment(UUID patientId, String assessmentId) {
    }

    /** Registers {@code count} patients and fills in an assessment for each, on several threads. */
    List<ReadyAssessment> readyAssessments(int count, String batch) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try {
            List<Future<ReadyAssessment>> ready = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "Chain-" + batch + "-" + i;
                ready.add(workers.submit(() -> {
                    UUID patient = registerPatient(name);
                    Api.Answer assessment = gateway.post("/assessments", clinician,
                            "{\"patientId\":\"" + patient + "\"}");
                    if (assessment.status() != 201) {
                        throw new IllegalStateException("Starting an assessment answered " + assessment);
                    }
                    String id = assessment.json().get("id").asText();
                    Api.Answer filled = gateway.put("/assessments/" + id, clinician, Journey.FULL_ASSESSMENT);
                    if (filled.status() != 200) {
                        throw new IllegalStateException("Filling in an assessment answered " + filled);
                    }
                    return new ReadyAssessment(patient, id);
                }));
            }
            List<ReadyAssessment> all = new ArrayList<>();
            for (Future<ReadyAssessment> each : ready) {
                all.add(each.get());
            }
            return all;
        } finally {
            workers.shutdownNow();
        }
    }
}
