package io.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long and how big: the full run that writes BENCHMARKS.md, or the smoke run (a few seconds a phase, small data)
 * that CI runs so the harness never rots.
 */
record Settings(boolean smoke, Path output, Duration warmUp, Duration phase, Duration chainPhase,
        List<Integer> chainRates, int patients, int attendanceRows, Duration footprintLoad) {

    static Settings full(Path output) {
        return new Settings(false, output, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                List.of(10, 25, 50, 100, 150, 200, 300, 400), 100_000, 5_000_000, Duration.ofSeconds(15));
    }

    /** The event chain offered only these rates (e.g. {@code --rates=25,50} while profiling a part). */
    Settings withChainRates(String rates) {
        // Ascending and once each: the curve stops at the first rate that leaves the chain behind.
        List<Integer> offered = Stream.of(rates.split(",")).map(String::trim).map(Integer::valueOf).distinct()
                .sorted().toList();
        if (offered.isEmpty() || offered.get(0) <= 0) {
            throw new IllegalArgumentException("--rates= takes completions per second above 0, e.g. --rates=25,50");
        }
        return new Settings(smoke, output, warmUp, phase, chainPhase, offered, patients, attendanceRows,
                footprintLoad);
    }

    static Settings smoke(Path output) {
        return new Settings(true, output, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
                List.of(10, 50, 100), 2_000, 50_000, Duration.ofSeconds(2));
    }
}
