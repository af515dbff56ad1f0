package io.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each app started alone, as a replica on a spare port beside the running stack (same database, broker and Keycloak),
 * exactly as the local stack starts it: time from launch to ready, resident memory after start and after a load phase.
 * And the whole stack's warm start, Keycloak included.
 */
final class Footprint {

    private static final int FIRST_PORT = 8091;
    private static final int LOAD_RATE = 200;
    /** Starts of each app, in a row. */
    private static final int STARTS = 3;

    private final Stack stack;
    private final Settings settings;
    /** Empty when the stack was started by someone else (--only): then its start was not timed here. */
    private final Optional<Duration> warmStart;
    final Map<String, Row> apps = new LinkedHashMap<>();
    final List<Goal> goals = new ArrayList<>();
    Profile.Findings startProfile;

    /** One app's figures. */
    record Row(String app, List<Duration> starts, double rssAfterStart, double rssAfterLoad, String load) {

        /** The median start. */
        Duration ready() {
            return starts.stream().sorted().toList().get(starts.size() / 2);
        }
    }

    Footprint(Stack stack, Settings settings, Optional<Duration> warmStart) {
        this.stack = stack;
        this.settings = settings;
        this.warmStart = warmStart;
    }

    Footprint run() throws Exception {
        Clinic clinic = new Clinic();
        UUID patient = clinic.registerPatient("Footprint");
        Map<String, Load.Target> loads = new LinkedHashMap<>();
        loads.put("intake-service", Load.Target.of("intake", 0, "/api/v1/patients/" + patient, clinic.clinician));
        loads.put("treatment-plan-service", Load.Target.of("treatment-plan", 0,
                "/api/v1/treatment-plans?patientId=" + patient, clinic.clinician));
        loads.put("scheduling-service", Load.Target.of("scheduling", 0, "/api/v1/tracks", clinic.scheduler));
        loads.put("aftercare-service", Load.Target.of("aftercare", 0, "/api/v1/aftercare-referrals?patientId="
                + patient, clinic.caseManager));
        loads.put("worklist-service", Load.Target.of("worklist", 0, "/api/v1/tasks?patientId=" + patient,
                clinic.clinician));
        loads.put("gateway", Load.Target.of("gateway", 0, "/api/v1/patients/" + patient, clinic.clinician));
        int port = FIRST_PORT;
        try (Load load = new Load()) {
            for (Map.Entry<String, Load.Target> app : loads.entrySet()) {
                Report.progress("footprint: starting " + app.getKey() + " alone");
                // A start's time on this machine varies by a second between two starts in a row: the median of
                // three is reported, the last of them loaded.
                List<Duration> starts = new ArrayList<>();
                for (int i = 1; i < STARTS; i++) {
                    Stack.Replica timedOnly = stack.startReplica(app.getKey(), port);
                    starts.add(timedOnly.ready());
                    stack.stopReplica(timedOnly);
                }
                Stack.Replica replica = stack.startReplica(app.getKey(), port++);
                starts.add(replica.ready());
                try {
                    double afterStart = Stack.rssMegabytes(replica.pid());
                    Load.Target target = new Load.Target(app.getKey(), replica.port(), app.getValue().path(),
                            app.getValue().token());
                    Load.Paced paced = load.atRate(target, LOAD_RATE, 16, settings.footprintLoad());
                    if (paced.failures() > 0) {
                        throw new IllegalStateException(app.getKey() + " failed under load: " + paced.firstFailure());
                    }
                    apps.put(app.getKey(), new Row(app.getKey(), starts, afterStart,
                            Stack.rssMegabytes(replica.pid()), "`GET " + target.path().get() + "`"));
                } finally {
                    stack.stopReplica(replica);
                }
            }
        }
        apps.values().forEach(row -> {
            goals.add(Goal.atMost(row.app() + ": launch → ready", 3.0, row.ready().toMillis() / 1000.0, "s"));
            goals.add(Goal.atMost(row.app() + ": RSS after load", 250, row.rssAfterLoad(), "MB"));
        });
        warmStart.ifPresent(start -> goals.add(Goal.atMost("whole local stack, warm start", 20,
                start.toMillis() / 1000.0, "s")));
        if (goals.stream().anyMatch(g -> !g.met() && g.what().endsWith("launch → ready"))) {
            startProfile = profileStart("intake-service", port);
        }
        return this;
    }

    /** Where an app's start goes: started once more, recording from its first instruction until it is ready. */
    private Profile.Findings profileStart(String app, int port) throws Exception {
        Report.progress("footprint: profiling the start of " + app);
        Path recording = settings.output().resolve(app + "-start.jfr");
        // Without the class-data archive: JDK 17 crashes when JFR's class hooks meet classes from a dynamic archive.
        // So this is a start that loads every class from its jar, as a rebuilt app's first start does.
        Stack.Replica replica = stack.startReplica(app, port, Map.of("JAVA_TOOL_OPTIONS",
                "-Xshare:off -XX:StartFlightRecording=name=start,settings=profile"));
        try {
            Profile.jcmd(replica.pid(), "JFR.dump", "name=start", "filename=" + recording);
        } finally {
            stack.stopReplica(replica);
        }
        return Profile.fold(recording, settings.output().resolve(app + "-start-flame.svg"), "CPU samples of "
                + app + " from launch to ready");
    }

    String markdown(Path reportDirectory) {
        StringBuilder out = new StringBuilder("""
                ## 3. Footprint

                Each app launched alone (a second instance beside the running stack, on a spare port, started by the
                local stack's launcher as it starts its own: `%s`, mapping the class-data archive made from the
                classes its own instance loaded until it was ready), timed
                from launch to the first `200` of `/q/health/ready` (polled every 10 ms; a service is ready once
                its database answers, the gateway once its OIDC provider does), started %d times in a row and the
                median reported. Resident memory (`VmRSS`) right after the last start, and after %d s of %d reads/s.

                | app | launch → ready (s), median | each start (s) | RSS after start (MB) | RSS after load (MB) | load |
                | --- | ---: | --- | ---: | ---: | --- |
                """.formatted(Machine.appCommand(), STARTS, settings.footprintLoad().toSeconds(), LOAD_RATE));
        apps.values().forEach(row -> out.append("| ").append(row.app()).append(" | ")
                .append(Report.number(row.ready().toMillis() / 1000.0)).append(" | ")
                .append(String.join(", ", row.starts().stream().map(d -> Report.number(d.toMillis() / 1000.0))
                        .toList()))
                .append(" | ")
                .append(Report.number(row.rssAfterStart())).append(" | ").append(Report.number(row.rssAfterLoad()))
                .append(" | ").append(row.load()).append(" |\n"));
        warmStart.ifPresent(start -> out.append("""

                Whole local stack, warm start (`bin/cairn-local` with its data from an earlier start: PostgreSQL,
                Kafka and Keycloak together, the five services together once PostgreSQL and Kafka are up, then the
                gateway; the realm already imported, Keycloak's classes mapped from the archive its last run wrote)
                until the gateway is ready: **%s s**.
                """.formatted(Report.number(start.toMillis() / 1000.0))));
        out.append("\n");
        out.append(Report.goals(goals));
        if (startProfile != null) {
            out.append(Report.profile("the intake service from launch to ready, its classes loaded from its jars (a"
                    + " first start: JFR cannot run beside the class-data archive on JDK 17)", startProfile, reportDirectory));
        }
        return out.toString();
    }
}
