package io.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same authenticated read (GET one patient) three ways in one run: straight to the intake service, through
 * nginx as a plain reverse proxy, and through the Cairn gateway (which verifies the token too, as the service does).
 */
final class GatewayCost {

    private static final int SATURATION_CONNECTIONS = 32;
    private static final int SATURATION_ROUNDS = 3;
    private static final int PACED_CONNECTIONS = 64;
    private static final double[] SHARES_OF_SATURATION = { 0.25, 0.5, 0.75 };

    private final Stack stack;
    private final Settings settings;
    final Map<String, Double> saturation = new LinkedHashMap<>();
    /** Each path's saturation in every round, in the order they were taken. */
    final Map<String, List<Double>> rounds = new LinkedHashMap<>();
    /** Per share of nginx's saturation: each target's latencies at that rate. */
    final Map<Double, Map<String, Load.Paced>> paced = new LinkedHashMap<>();
    final List<Goal> goals = new ArrayList<>();
    Profile.Findings profile;

    GatewayCost(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    GatewayCost run() throws Exception {
        Clinic clinic = new Clinic();
        UUID patient = clinic.registerPatient("Gateway-Cost");
        String path = "/api/v1/patients/" + patient;
        int intake = Stack.APPS.get("intake-service");
        List<Load.Target> targets = List.of(Load.Target.of("intake service, direct", intake, path, clinic.clinician),
                Load.Target.of("nginx → intake", Nginx.PORT, path, clinic.clinician),
                Load.Target.of("Cairn gateway → intake", Stack.GATEWAY, path, clinic.clinician));
        try (Nginx nginx = Nginx.proxyTo(stack.root(), intake); Load load = new Load()) {
            // Freshly started JVMs compile as they go: every path is run before any is measured, so that the first
            // one measured is not also the coldest.
            for (Load.Target target : targets) {
                Report.progress("gateway cost: warming up " + target.name());
                load.saturate(target, SATURATION_CONNECTIONS, Duration.ZERO, settings.warmUp().multipliedBy(2));
            }
            // Rounds taken in turn, and the median of each path's: a pause of one part of a busy machine (a collection,
            // a compilation) then falls on one round of one path, not on the whole of it.
            for (int round = 0; round < SATURATION_ROUNDS; round++) {
                for (Load.Target target : targets) {
                    Report.progress("gateway cost: saturating " + target.name() + ", round " + (round + 1));
                    rounds.computeIfAbsent(target.name(), name -> new ArrayList<>()).add(load.saturate(target,
                            SATURATION_CONNECTIONS, settings.warmUp(), settings.phase()));
                }
            }
            rounds.forEach((name, rates) -> saturation.put(name, rates.stream().sorted().toList().get(rates.size()
                    / 2)));
            double nginxMost = saturation.get(targets.get(1).name());
            for (double share : SHARES_OF_SATURATION) {
                int rate = (int) Math.max(10, share * nginxMost);
                Map<String, Load.Paced> atRate = new LinkedHashMap<>();
                for (Load.Target target : targets) {
                    Report.progress("gateway cost: " + target.name() + " at " + rate + "/s");
                    atRate.put(target.name(), load.atRate(target, rate, PACED_CONNECTIONS, settings.phase()));
                }
                paced.put(share, atRate);
            }
            double gateway = saturation.get(targets.get(2).name());
            goals.add(Goal.atLeast("gateway throughput ÷ nginx throughput", 0.9, gateway / nginxMost, "×"));
            Map<String, Load.Paced> half = paced.get(0.5);
            double added = half.get(targets.get(2).name()).latency().p50()
                    - half.get(targets.get(1).name()).latency().p50();
            goals.add(Goal.atMost("gateway's added p50 over nginx at half of saturation", 1.0, added, "ms"));
            if (goals.stream().anyMatch(g -> !g.met())) {
                Report.progress("gateway cost: profiling the gateway under saturation");
                profile = Profile.of(Stack.pidOf("gateway"), settings.output().resolve("gateway-flame.svg"),
                        () -> load.saturate(targets.get(2), SATURATION_CONNECTIONS, settings.warmUp(),
                                settings.phase()));
            }
        }
        return this;
    }

    String markdown(Path reportDirectory) {
        StringBuilder out = new StringBuilder();
        out.append("""
                ## 1. Gateway cost

                `GET /api/v1/patients/{id}` with a clinician's token from Keycloak (RS256), answered by the intake
                service from PostgreSQL, with the read written to the audit log. Three ways, one after the other in
                the same run: straight to the service (port 8081), through nginx as a plain reverse proxy (keep-alive
                upstream), and through the Cairn gateway, which verifies the token itself before the service
                verifies it again. Saturation: %d connections sending back to back (closed model), %d rounds taken
                in turn across the three paths, the median counted. Fixed rates:
                a constant arrival rate (open model, latency counted from when each request was due) at a quarter,
                half and three quarters of nginx's saturation, on up to %d connections.

                | path | saturation (req/s) | ÷ nginx | rounds (req/s) |
                | --- | ---: | ---: | --- |
                """.formatted(SATURATION_CONNECTIONS, SATURATION_ROUNDS, PACED_CONNECTIONS));
        double nginx = saturation.values().stream().skip(1).findFirst().orElse(1.0);
        saturation.forEach((name, rate) -> out.append("| ").append(name).append(" | ")
                .append(Report.number(rate)).append(" | ").append(Report.number(rate / nginx)).append(" | ")
                .append(String.join(", ", rounds.get(name).stream().map(Report::number).toList())).append(" |\n"));
        out.append("\n| rate (req/s) | path | p50 (ms) | p90 | p99 | p99.9 | errors |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        paced.forEach((share, byTarget) -> byTarget.forEach((name, result) -> out.append("| ")
                .append(result.rate()).append(" (").append((int) (share * 100)).append(" %) | ").append(name)
                .append(" | ").append(Report.latencies(result.latency(), false)).append(" | ")
                .append(result.failures()).append(" |\n")));
        out.append('\n').append(Report.goals(goals));
        if (profile != null) {
            out.append(Report.profile("the gateway while saturated through it", profile, reportDirectory));
        }
        return out.toString();
    }
}
