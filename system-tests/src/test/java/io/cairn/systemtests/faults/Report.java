package io.cairn.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures of a run: printed in the test output and collected in {@code target/reliability-report.md}, from which
 * {@code docs/reliability.md} takes the latest numbers.
 */
public final class Report {

    private static final Path FILE = Path.of("target", "reliability-report.md");

    private Report() {
    }

    public static synchronized void figures(String scenario, String figures) {
        String line = "| " + scenario + " | " + figures + " |";
        System.out.println("[reliability] " + scenario + ": " + figures);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "# Reliability run of " + Instant.now() + "\n\n| scenario | figures |\n|---|---|\n");
            }
            Files.writeString(FILE, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("Could not write " + FILE + ": " + e.getMessage());
        }
    }
}
