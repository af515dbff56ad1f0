package io.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every benchmark against the local stack and writes the report: {@code benchmarks/run} (full, writes
 * benchmarks/BENCHMARKS.md) or {@code benchmarks/run --smoke} (seconds per phase, writes
 * benchmarks/target/smoke/BENCHMARKS.md; CI runs it so the harness never rots).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // The clients' thread pools (Vert.x, Kafka, HTTP) would keep the JVM alive.
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("cairn.root", ".")).toAbsolutePath().normalize();
        boolean smoke = List.of(args).contains("--smoke");
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse(null);
        // One section's figures (and its plot) are not the run BENCHMARKS.md describes: they stay out of it.
        Path output = smoke ? root.resolve("benchmarks/target/smoke")
                : only != null ? root.resolve("benchmarks/target/only") : root.resolve("benchmarks");
        Settings sized = smoke ? Settings.smoke(output) : Settings.full(output);
        String rates = List.of(args).stream().filter(a -> a.startsWith("--rates=")).map(a -> a.substring(8))
                .findFirst().orElse(null);
        if (rates != null && only == null) {
            throw new IllegalArgumentException("--rates= goes with --only=chain: a full run offers every rate");
        }
        Settings settings = rates == null ? sized : sized.withChainRates(rates);
        Files.createDirectories(output);
        Map<String, String> machine = new LinkedHashMap<>();
        List<String> sections = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        if (only != null) {
            // One section against a stack that is already running (with --fault-control and lifted rate limits).
            runOnly(only, new Stack(root), settings);
            return;
        }
        try (Stack stack = new Stack(root)) {
            Report.progress("starting the local stack from empty data");
            stack.start(true);
            stack.awaitArchives();
            stack.stop();
            Report.progress("starting the local stack again, warm");
            Duration warm = stack.start(false);
            Report.progress("warm start took " + warm.toMillis() + " ms");
            machine.putAll(Machine.describe(root));

            GatewayCost gateway = new GatewayCost(stack, settings).run();
            sections.add(gateway.markdown(output));
            goals.addAll(gateway.goals);

            EventChain chain = new EventChain(settings).run();
            sections.add(chain.markdown(output));
            goals.addAll(chain.goals);

            Footprint footprint = new Footprint(stack, settings, Optional.of(warm)).run();
            sections.add(footprint.markdown(output));
            goals.addAll(footprint.goals);

            Scale scale = new Scale(stack, settings).run();
            sections.add(scale.markdown(output));
            goals.addAll(scale.goals);
        }
        Path report = output.resolve("BENCHMARKS.md");
        write(report, root, settings, machine, sections, goals);
    }

    private static void runOnly(String section, Stack stack, Settings settings) throws Exception {
        String markdown = switch (section) {
            case "gateway" -> new GatewayCost(stack, settings).run().markdown(settings.output());
            case "chain" -> new EventChain(settings).run().markdown(settings.output());
            case "footprint" -> new Footprint(stack, settings, Optional.empty()).run().markdown(settings.output());
            case "scale" -> new Scale(stack, settings).run().markdown(settings.output());
            default -> throw new IllegalArgumentException("No section " + section
                    + " (gateway, chain, footprint, scale)");
        };
        System.out.println(markdown);
    }

    private static void write(Path report, Path root, Settings settings, Map<String, String> machine,
            List<String> sections, List<Goal> goals) throws Exception {
        Report.write(report, settings, machine, sections, goals);
        Report.progress("wrote " + root.relativize(report) + ": " + goals.stream().filter(Goal::met).count() + " of "
                + goals.size() + " goals met");
    }
}
