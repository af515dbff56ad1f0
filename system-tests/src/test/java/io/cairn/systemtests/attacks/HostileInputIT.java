package io.cairn.systemtests.attacks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.systemtests.Platform;
import io.cairn.systemtests.faults.Api;
import io.cairn.systemtests.faults.Databases;
import io.cairn.systemtests.faults.EventLog;
import io.cairn.systemtests.faults.Report;
import io.cairn.systemtests.faults.RowCounts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the gateway's merged OpenAPI document gets malformed and hostile requests, generated from the
 * document itself (see {@link HostileRequests}), at least 10,000 in all: not one is answered with a 5xx, every error is
 * {@code application/problem+json} without internals, and no rejected write changes a row of its service's database.
 */
class HostileInputIT {

    static final int AT_LEAST = 10_000;
    static final Api GATEWAY = new Api(Platform.GATEWAY);
    /** What must never reach a client: stack traces, class names, SQL, driver messages. */
    static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|java\\.|org\\.(hibernate|postgresql|jboss)|io\\.(quarkus|vertx|cairn)\\.|SQLState|SELECT |INSERT |PSQL|jackson");
    static final Map<String, String> USERS = Map.of("intake-coordinator", "coordinator", "clinician", "clinician",
            "scheduler", "scheduler", "case-manager", "case-manager", "program-director", "director");

    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void noHostileRequestGetsA5xxLeaksInternalsOrChangesData() throws Exception {
        USERS.forEach((role, user) -> tokens.put(role, Platform.tokenOf(user, user)));
        ApiDocument document = ApiDocument.load();
        HostileRequests generator = new HostileRequests(document, fixture());
        Map<String, RowCounts> databases = new LinkedHashMap<>();
        for (String database : Databases.ALL) {
            databases.put(database, new RowCounts(database));
        }

        int sent = 0;
        int rejectedWrites = 0;
        int accepted = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        List<ApiDocument.Operation> operations = document.operations();
        for (ApiDocument.Operation operation : operations) {
            String token = tokenFor(operation);
            RowCounts rows = databases.get(owner(operation.path()));
            List<Long> baseline = rows.now();
            for (HostileRequests.HostileRequest request : generator.of(operation)) {
                Api.Answer answer = request.sendTo(GATEWAY, token, Map.of());
                sent++;
                byStatus.merge(answer.status() / 100 + "xx", 1, Integer::sum);
                String where = request.kind() + " → " + request.method() + " " + abbreviate(request.path());
                if (answer.status() == 0 || answer.status() >= 500) {
                    violations.add(where + ": " + answer);
                } else if (answer.status() >= 400 && !answer.isProblem()) {
                    violations.add(where + ": error not problem+json: " + answer);
                } else if (answer.status() >= 400 && LEAK.matcher(withoutWhatWasSent(answer.body())).find()) {
                    violations.add(where + ": internals in the answer: " + answer);
                }
                if (!operation.writes()) {
                    continue;
                }
                List<Long> after = rows.now();
                if (answer.status() >= 400) {
                    rejectedWrites++;
                    List<String> changed = rows.changed(baseline, after);
                    if (!changed.isEmpty() && !unchangedOnRetry(request, token, rows)) {
                        violations.add(where + ": rejected with " + answer.status() + " but changed " + changed);
                    }
                    after = rows.now();
                } else {
                    accepted++;
                }
                baseline = after;
            }
        }
        for (RowCounts counts : databases.values()) {
            counts.close();
        }
        Report.figures("hostile input",
                "operations=%d, requests=%d, by status %s, 5xx=%d, rejected writes checked=%d, accepted writes=%d, violations=%d"
                        .formatted(operations.size(), sent, byStatus, byStatus.getOrDefault("5xx", 0), rejectedWrites,
                                accepted, violations.size()));
        violations.stream().limit(200).forEach(v -> System.out.println("[hostile input] " + v));
        assertTrue(sent >= AT_LEAST, "at least " + AT_LEAST + " requests, were " + sent);
        assertEquals(List.of(), violations.stream().limit(20).toList(), violations.size() + " violations");
    }

    /**
     * A change seen around a rejected write may be another service's event being applied meanwhile: let every
     * consumer settle, then send the same request again and compare once more.
     */
    private boolean unchangedOnRetry(HostileRequests.HostileRequest request, String token, RowCounts rows)
            throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(EventLog::allConsumed);
        List<Long> before = rows.now();
        Api.Answer again = request.sendTo(GATEWAY, token, Map.of());
        return again.status() >= 400 && rows.changed(before, rows.now()).isEmpty();
    }

    /** An answer may quote the client's own input back (a conflicting identifier): that is not a leak. */
    private static String withoutWhatWasSent(String body) {
        String rest = body;
        for (var hostile : HostileRequests.HOSTILE_STRINGS) {
            if (hostile.asText().length() > 3) {
                rest = rest.replace(hostile.asText(), "");
            }
        }
        return rest;
    }

    /** A staff role the document allows, so the hostile input reaches validation rather than a 403. */
    private String tokenFor(ApiDocument.Operation operation) {
        for (String role : operation.roles()) {
            if (tokens.containsKey(role)) {
                return tokens.get(role);
            }
        }
        return tokens.get("clinician");
    }

    /** The database of the service owning the path, as the gateway routes it. */
    static String owner(String path) {
        String rest = path.replace("/api/v1/", "");
        if (rest.matches("patients/[^/]+/(schedule|schedule\\.ics|hours)")) {
            return "scheduling";
        }
        if (rest.matches("patients/[^/]+/measures(/due|/schedule)?")) {
            return "treatment_plan";
        }
        return switch (rest.split("/")[0]) {
            case "treatment-plans", "measure-outcomes" -> "treatment_plan";
            case "tracks", "sessions", "enrollments", "attendance", "hours" -> "scheduling";
            case "aftercare-referrals", "check-ins", "outcomes" -> "aftercare";
            case "tasks" -> "worklist";
            default -> "intake";
        };
    }

    /** Real records for the ids in paths and bodies, made for this run so nothing else's data is touched. */
    private Map<String, String> fixture() {
        Api gateway = new Api(Platform.GATEWAY);
        String coordinator = tokens.get("intake-coordinator");
        String clinician = tokens.get("clinician");
        String scheduler = tokens.get("scheduler");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new HashMap<>();
        String patient = gateway.post("/patients", coordinator, """
                {"givenName":"Hostile","familyName":"Fixture-%s","birthDate":"1980-01-01","sex":"female",
                 "ageGroup":"adult","identifiers":[{"system":"urn:cairn:hostile","value":"%s"}]}"""
                .formatted(unique, unique)).json().get("id").asText();
        ids.put("patient", patient);
        ids.put("referral", gateway.post("/referrals", coordinator, """
                {"patientId":"%s","source":"self","reason":"Hostile input fixture","urgency":"routine"}"""
                .formatted(patient)).json().get("id").asText());
        ids.put("consent", gateway.post("/consents", coordinator, """
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics"]}""".formatted(patient)).json().get("id").asText());
        gateway.completeAssessment(clinician, patient);
        ids.put("assessment", gateway.post("/assessments", clinician, "{\"patientId\":\"" + patient + "\"}").json()
                .get("id").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/treatment-plans?patientId=" + patient,
                clinician).json().size() == 1);
        ids.put("plan", gateway.get("/treatment-plans?patientId=" + patient, clinician).json().get(0).get("id")
                .asText());
        String track = gateway.post("/tracks", scheduler, """
                {"name":"Hostile %s","scheduleType":"evening","ageGroup":"adult","capacity":12,
                 "facilitatorId":"facilitator-%s","location":"Room 9","activeFrom":"%s",
                 "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process"}]}"""
                .formatted(unique, unique, LocalDate.now())).json().get("id").asText();
        ids.put("track", track);
        LocalDate from = LocalDate.now().plusDays(1);
        ids.put("session", gateway.post("/tracks/" + track + "/sessions", scheduler, "{\"from\":\"%s\",\"to\":\"%s\"}"
                .formatted(from, from.plusDays(7))).json().get(0).get("id").asText());
        return ids;
    }

    private static String abbreviate(String path) {
        return path.length() > 120 ? path.substring(0, 120) + "…" : path;
    }
}
