package io.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** BENCHMARKS.md: when, on what machine, with which commands, then each section's figures and goals. */
final class Report {

    private Report() {
    }

    static void progress(String line) {
        System.out.printf("[%s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), line);
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    static String latencies(Latencies.Summary latency, boolean withP95) {
        return number(latency.p50()) + " | " + number(latency.p90()) + " | " + (withP95 ? number(latency.p95())
                + " | " : "") + number(latency.p99()) + " | " + number(latency.p999());
    }

    static String goals(List<Goal> goals) {
        StringBuilder out = new StringBuilder("| goal | target | this run | |\n| --- | --- | --- | --- |\n");
        goals.forEach(g -> out.append("| ").append(g.what()).append(" | ").append(g.target()).append(" | ")
                .append(g.measured()).append(" | ").append(g.met() ? "met" : "**missed**").append(" |\n"));
        return out.append('\n').toString();
    }

    static String profile(String what, Profile.Findings profile, Path reportDirectory) {
        StringBuilder out = new StringBuilder("\nProfile of " + what + " (JFR, " + profile.samples()
                + " CPU samples); methods most often on top of the stack:\n\n");
        profile.hottest().forEach((method, share) -> out.append("- `").append(method).append("` ")
                .append(number(share)).append(" %\n"));
        out.append("\n![flame graph of ").append(what).append("](")
                .append(reportDirectory.relativize(profile.flameGraph())).append(")\n\n");
        return out.toString();
    }

    static void write(Path file, Settings settings, Map<String, String> machine, List<String> sections,
            List<Goal> goals) throws Exception {
        StringBuilder out = new StringBuilder("# Cairn benchmarks\n\n");
        if (settings.smoke()) {
            out.append("**Smoke run**: phases of a few seconds and small data, to show the harness works. These "
                    + "figures mean nothing.\n\n");
        }
        out.append("Run on ").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm"))).append(" UTC with `benchmarks/run").append(settings.smoke()
                        ? " --smoke"
                        : "")
                .append("`, which builds what is missing, starts the local stack (`bin/cairn-local"
                        + " --wipe --no-seed --fault-control`, then again warm), runs every section below and "
                        + "writes this file. The load generator and every part run on the same machine:\n\n");
        machine.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
        out.append("\nAbsolute times drift on a shared machine; the ratios against the peers (nginx, raw Kafka) are "
                + "measured in the same run.\n\n## Summary\n\n").append(goals(goals));
        sections.forEach(section -> out.append(section).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
