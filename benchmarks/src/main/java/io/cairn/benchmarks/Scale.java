package io.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The main list and search endpoints over a clinic network at scale (see {@link ScaleData}), through the gateway, one
 * request at a time (so each figure is the endpoint's own time, not a queue's), and the plans PostgreSQL chose for
 * their queries.
 */
final class Scale {

    private final Stack stack;
    private final Settings settings;
    private final ScaleData data;
    Duration loadTime;
    final Map<String, Load.Paced> endpoints = new LinkedHashMap<>();
    final Map<String, String> paths = new LinkedHashMap<>();
    Map<String, List<QueryPlans.Plan>> plans = Map.of();
    final List<Goal> goals = new ArrayList<>();

    Scale(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
        this.data = new ScaleData(settings.patients(), settings.attendanceRows());
    }

    Scale run() throws Exception {
        long began = System.nanoTime();
        data.load();
        loadTime = Duration.ofNanos(System.nanoTime() - began);
        Clinic clinic = new Clinic();
        Random random = new Random(7);
        String monday = data.monday().toString();
        String sunday = data.monday().plusDays(6).toString();
        List<Load.Target> targets = List.of(
                new Load.Target("patients by name", Stack.GATEWAY, () -> "/api/v1/patients?size=20&name="
                        + ScaleData.FAMILY_STEMS[random.nextInt(ScaleData.FAMILY_STEMS.length)].toLowerCase()
                        + (1 + random.nextInt(9)), clinic.coordinator),
                Load.Target.of("sessions in this week", Stack.GATEWAY, "/api/v1/sessions?from=" + monday + "&to="
                        + sunday, clinic.scheduler),
                Load.Target.of("patients under target this week", Stack.GATEWAY, "/api/v1/hours/under-target",
                        clinic.scheduler),
                // This week has only the sessions already over (none on a Monday); last week has everyone's.
                Load.Target.of("patients under target last week", Stack.GATEWAY, "/api/v1/hours/under-target?isoWeek="
                        + ScaleData.isoWeek(data.monday().minusWeeks(1)), clinic.scheduler),
                Load.Target.of("check-ins due today", Stack.GATEWAY, "/api/v1/check-ins", clinic.caseManager));
        try (Load load = new Load()) {
            for (Load.Target target : targets) {
                Report.progress("scale: " + target.name());
                paths.put(target.name(), target.name().equals("patients by name")
                        ? "/api/v1/patients?size=20&name={the start of a family name, e.g. reyes1}"
                        : target.path().get());
                endpoints.put(target.name(), load.oneAtATime(target, settings.phase(), 2_000));
            }
        }
        Report.progress("scale: query plans");
        plans = QueryPlans.capture(stack, clinic, monday, sunday);
        endpoints.forEach((name, result) -> goals.add(Goal.atMost(name + ": p99", 50, result.latency().p99(),
                "ms")));
        return this;
    }

    String markdown(Path reportDirectory) {
        StringBuilder out = new StringBuilder("""
                ## 4. Scale

                %,d patients, %,d tracks with %d sessions each, %,d attendance rows, %,d aftercare referrals with four
                check-ins each, loaded with `COPY` in %s s (then `VACUUM ANALYZE`). Each endpoint called through the
                gateway one request at a time for %d s (at most 2,000 requests), so each time is the endpoint's own.

                | endpoint | request | requests | p50 (ms) | p90 | p99 | p99.9 | errors |
                | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """.formatted(settings.patients(), (settings.patients() + ScaleData.PATIENTS_PER_TRACK - 1)
                / ScaleData.PATIENTS_PER_TRACK, settings.attendanceRows() / settings.patients(),
                settings.attendanceRows(), settings.patients() / 5, Report.number(loadTime.toMillis() / 1000.0),
                settings.phase().toSeconds()));
        endpoints.forEach((name, result) -> out.append("| ").append(name).append(" | `").append(paths.get(name))
                .append("` | ").append(result.latency().count()).append(" | ")
                .append(Report.latencies(result.latency(), false)).append(" | ").append(result.failures())
                .append(result.failures() > 0 ? " (" + result.firstFailure() + ")" : "").append(" |\n"));
        out.append('\n').append(Report.goals(goals));
        out.append(QueryPlans.markdown(plans));
        return out.toString();
    }
}
