package io.cairn.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans PostgreSQL runs for each scale endpoint, as the service really sends them: PostgreSQL's auto_explain is
 * switched on for the services' databases, a replica of each service started (its new connections load it), each
 * endpoint called once on it, and the plans read back from the server's log. Then auto_explain is switched off again.
 */
final class QueryPlans {

    private static final List<String> DATABASES = List.of("intake", "scheduling", "aftercare");
    private static final int FIRST_PORT = 8096;

    /** One statement's text and plan. */
    record Plan(String query, List<String> lines) {

        boolean readsWholeTable(String table) {
            return lines.stream().anyMatch(l -> l.contains("Seq Scan on " + table + " "));
        }
    }

    /** An endpoint's call on a service, and the tables whose queries it runs. */
    private record Call(String endpoint, String app, String path, String token, List<String> tables) {
    }

    private QueryPlans() {
    }

    static Map<String, List<Plan>> capture(Stack stack, Clinic clinic, String monday, String sunday)
            throws Exception {
        List<Call> calls = List.of(
                new Call("patients by name", "intake-service", "/api/v1/patients?size=20&name=reyes1",
                        clinic.coordinator, List.of("patient")),
                new Call("sessions in this week", "scheduling-service", "/api/v1/sessions?from=" + monday + "&to="
                        + sunday, clinic.scheduler, List.of("session")),
                new Call("patients under target this week", "scheduling-service", "/api/v1/hours/under-target",
                        clinic.scheduler, List.of("enrollment", "attendance")),
                new Call("check-ins due today", "aftercare-service", "/api/v1/check-ins", clinic.caseManager,
                        List.of("check_in")));
        Path log = stack.root().resolve(".local-stack/logs/postgres.log");
        long from = Files.size(log);
        explainEverything(true);
        Map<String, Stack.Replica> replicas = new LinkedHashMap<>();
        try {
            int port = FIRST_PORT;
            for (Call call : calls) {
                if (!replicas.containsKey(call.app())) {
                    replicas.put(call.app(), stack.startReplica(call.app(), port++));
                }
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + replicas.get(call.app()).port() + call.path())).header("Authorization", "Bearer "
                                + call.token())
                        .timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            explainEverything(false);
            for (Stack.Replica replica : replicas.values()) {
                stack.stopReplica(replica);
            }
        }
        List<Plan> logged = parse(log, from);
        Map<String, List<Plan>> byEndpoint = new LinkedHashMap<>();
        for (Call call : calls) {
            List<Plan> found = new ArrayList<>();
            for (String table : call.tables()) {
                logged.stream().filter(p -> p.query().toLowerCase().startsWith("select")
                        && p.query().contains(" from " + table + " ")).findFirst().ifPresent(found::add);
            }
            byEndpoint.put(call.endpoint(), found);
        }
        return byEndpoint;
    }

    private static void explainEverything(boolean on) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres",
                "postgres", "postgres"); Statement sql = connection.createStatement()) {
            for (String database : DATABASES) {
                if (on) {
                    sql.execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
                    sql.execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = 0");
                } else {
                    sql.execute("ALTER DATABASE " + database + " RESET session_preload_libraries");
                    sql.execute("ALTER DATABASE " + database + " RESET auto_explain.log_min_duration");
                }
            }
        }
    }

    /** auto_explain's entries in the server log: a "duration: … plan:" line, then the query and plan, tab-indented. */
    static List<Plan> parse(Path log, long from) throws Exception {
        List<Plan> plans = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(log);
        String text = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                StandardCharsets.UTF_8);
        String query = null;
        List<String> lines = null;
        for (String line : text.split("\n")) {
            if (line.contains("duration:") && line.endsWith("plan:")) {
                if (query != null) {
                    plans.add(new Plan(query, lines));
                }
                query = "";
                lines = new ArrayList<>();
            } else if (query != null && line.startsWith("\t")) {
                if (line.startsWith("\tQuery Text: ")) {
                    query = line.substring("\tQuery Text: ".length());
                } else {
                    lines.add(line.substring(1));
                }
            } else if (query != null) {
                plans.add(new Plan(query, lines));
                query = null;
            }
        }
        if (query != null) {
            plans.add(new Plan(query, lines));
        }
        return plans;
    }

    static String markdown(Map<String, List<Plan>> plans) {
        StringBuilder out = new StringBuilder("""

                ### Query plans

                What PostgreSQL ran for each endpoint, logged by auto_explain from a replica of the service (see
                `QueryPlans`); "reads a whole table" marks a sequential scan of one of the big tables.

                """);
        plans.forEach((endpoint, found) -> {
            out.append("**").append(endpoint).append("**");
            if (found.isEmpty()) {
                out.append(": no plan was logged.\n\n");
                return;
            }
            out.append("\n\n");
            for (Plan plan : found) {
                boolean whole = List.of("patient", "session", "attendance", "enrollment", "check_in").stream()
                        .anyMatch(plan::readsWholeTable);
                out.append(whole ? "reads a whole table:\n" : "uses indexes:\n").append("```\n")
                        .append(plan.query().length() > 400 ? plan.query().substring(0, 400) + "…" : plan.query())
                        .append('\n');
                plan.lines().stream().limit(20).forEach(l -> out.append(l).append('\n'));
                out.append("```\n\n");
            }
        });
        return out.toString();
    }
}
