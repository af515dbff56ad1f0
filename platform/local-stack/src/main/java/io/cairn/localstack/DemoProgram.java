package io.cairn.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small demo program, made through the gateway as the clinic's staff would make it: three tracks (12 hours a week
 * for adults, 6 for adolescents) with four weeks of sessions; Dana Reyes (the demo {@code patient} login) referred, assessed,
 * with an approved plan and enrolled;
 * Lee Park assessed with a plan waiting for approval; Sam Ortiz just referred.
 */
final class DemoProgram {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;

    DemoProgram(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    void seed() throws Exception {
        String scheduler = token("scheduler");
        String coordinator = token("coordinator");
        String clinician = token("clinician");
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (String[] track : new String[][] {
                { "Morning adult track", "morning", "adult", "09:00", "12:00", "MONDAY", "TUESDAY", "WEDNESDAY",
                        "FRIDAY" },
                { "Evening adult track", "evening", "adult", "18:00", "21:00", "MONDAY", "TUESDAY", "WEDNESDAY",
                        "THURSDAY" },
                { "Weekend adolescent track", "weekend", "adolescent", "10:00", "13:00", "SATURDAY", "SUNDAY" } }) {
            StringBuilder blocks = new StringBuilder();
            String[] groups = { "process-group", "cbt-skills", "relapse-prevention", "psychoeducation" };
            for (int day = 5; day < track.length; day++) {
                blocks.append(blocks.isEmpty() ? "" : ",").append("""
                        {"day":"%s","start":"%s","end":"%s","groupType":"%s","title":"%s"}""".formatted(track[day],
                        track[3], track[4], groups[day - 5], groups[day - 5].replace('-', ' ')));
            }
            String id = call("POST", "/tracks", scheduler, """
                    {"name":"%s","scheduleType":"%s","ageGroup":"%s","capacity":12,"facilitatorId":"clinician",
                     "location":"Cairn clinic, room 2","activeFrom":"%s","blocks":[%s]}""".formatted(track[0],
                    track[1], track[2], start.minusDays(1), blocks)).path("id").asText();
            call("POST", "/tracks/" + id + "/sessions", scheduler, "{\"from\":\"%s\",\"to\":\"%s\"}"
                    .formatted(start, start.plusWeeks(4)));
        }

        String dana = patient(coordinator, "Dana", "Reyes", "female", "1988-04-12", "evening");
        referral(coordinator, dana, "physician", "Daily drinking, two failed attempts to cut down");
        call("POST", "/consents", coordinator, """
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics","assessments","treatment-plans","attendance","aftercare"]}"""
                .formatted(dana));
        linkDemoPatient(dana);
        String danaPlan = assessAndAwaitPlan(clinician, dana);
        call("POST", "/treatment-plans/" + danaPlan + "/acknowledge", token("patient"), null);
        call("POST", "/treatment-plans/" + danaPlan + "/approve", clinician, null);

        String lee = patient(coordinator, "Lee", "Park", "male", "1979-09-30", "morning");
        referral(coordinator, lee, "hospital-step-down", "Step-down after withdrawal management");
        assessAndAwaitPlan(clinician, lee);

        String sam = patient(coordinator, "Sam", "Ortiz", "male", "1995-01-20", "weekend");
        referral(coordinator, sam, "self", "Wants help with cannabis and alcohol use");
    }

    private String patient(String token, String given, String family, String sex, String born, String schedule)
            throws Exception {
        // An address at the local mail server, where their session reminders can be read.
        String email = (given + "." + family + "@example.org").toLowerCase();
        return call("POST", "/patients", token, """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"%s","ageGroup":"adult",
                 "preferredSchedule":"%s","email":"%s"}""".formatted(given, family, born, sex, schedule, email))
                .path("id").asText();
    }

    private void referral(String token, String patient, String source, String reason) throws Exception {
        call("POST", "/referrals", token, """
                {"patientId":"%s","source":"%s","reason":"%s","urgency":"routine"}""".formatted(patient, source,
                reason));
    }

    private String assessAndAwaitPlan(String clinician, String patient) throws Exception {
        String assessment = call("POST", "/assessments", clinician, "{\"patientId\":\"" + patient + "\"}").path("id")
                .asText();
        String body;
        try (var in = DemoProgram.class.getResourceAsStream("/demo-assessment.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        call("PUT", "/assessments/" + assessment, clinician, body);
        call("POST", "/assessments/" + assessment + "/complete", clinician, null);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode plans = call("GET", "/treatment-plans?patientId=" + patient, clinician, null);
            if (plans.size() > 0) {
                return plans.get(0).path("id").asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no treatment plan was drafted for the demo patient");
    }

    /** Points the demo {@code patient} login at Dana's record. */
    private void linkDemoPatient(String patientId) throws Exception {
        String admin = tokenFrom("master", "admin-cli", "admin", "admin");
        JsonNode user = send(
                HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/cairn/users?exact=true&username=patient"))
                        .header("Authorization", "Bearer " + admin).GET())
                .get(0);
        ObjectNode updated = (ObjectNode) user;
        updated.putObject("attributes").putArray("patient_id").add(patientId);
        send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/cairn/users/" + user.path("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())));
    }

    private String token(String user) throws Exception {
        return tokenFrom("cairn", "cairn-cli", user, user);
    }

    private String tokenFrom(String realm, String client, String user, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", client, "username", user, "password", password)
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).path("access_token").asText();
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo data: " + response.request().method() + " "
                    + response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
