package io.cairn.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How much CPU each part of the stack used during a phase, from the kernel's accounting of its processes: on a
 * machine whose two cores are shared by every part, a phase that cannot keep up shows here which part took them.
 */
final class CpuUse {

    /** Each part by a test on its process's command line, in the order of the report. */
    private static final Map<String, Predicate<ProcessHandle>> PARTS = new LinkedHashMap<>();

    static {
        for (String app : Stack.APPS.keySet().stream().sorted().toList()) {
            PARTS.put(app, p -> commandOf(p).contains(app + "/target/quarkus-app/"));
        }
        PARTS.put("Kafka (in the launcher's JVM)", p -> commandOf(p).contains("cairn-local-stack.jar"));
        PARTS.put("PostgreSQL", p -> commandOf(p).contains("/bin/postgres"));
        PARTS.put("Keycloak", p -> commandOf(p).contains("keycloak"));
        PARTS.put("load generator (this harness)", p -> p.pid() == ProcessHandle.current().pid());
    }

    private final Map<String, Duration> before;
    private final long began = System.nanoTime();

    private CpuUse(Map<String, Duration> before) {
        this.before = before;
    }

    /** Starts counting from now. */
    static CpuUse from() {
        return new CpuUse(read());
    }

    /** Cores each part kept busy on average since {@link #from()}. */
    Map<String, Double> cores() {
        Map<String, Duration> after = read();
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach((part, used) -> cores.put(part, used.minus(before.getOrDefault(part, Duration.ZERO))
                .toMillis() / 1000.0 / seconds));
        return cores;
    }

    private static Map<String, Duration> read() {
        Map<String, Duration> used = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> used.put(part, Duration.ZERO));
        ProcessHandle.allProcesses().forEach(process -> PARTS.forEach((part, isPart) -> {
            if (isPart.test(process)) {
                used.merge(part, process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        }));
        return used;
    }

    /** The executable and the command line: PostgreSQL's backends rewrite their command line, not their executable. */
    private static String commandOf(ProcessHandle process) {
        return process.info().command().orElse("") + " " + process.info().commandLine().orElse("");
    }
}
