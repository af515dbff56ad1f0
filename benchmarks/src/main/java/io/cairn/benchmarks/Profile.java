package io.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a process spends its CPU while a load runs: Java Flight Recorder, started in the running JVM with jcmd (no
 * restart, no agent), its execution samples folded into stacks, drawn as a flame graph (SVG) and summed by the
 * methods on top of the stack.
 */
final class Profile {

    /** The flame graph's file and the methods that were most often on CPU, with their share of the samples. */
    record Findings(Path flameGraph, long samples, Map<String, Double> hottest) {
    }

    private Profile() {
    }

    static Findings of(long pid, Path svg, Callable<?> load) throws Exception {
        Path recording = svg.resolveSibling(svg.getFileName().toString().replace(".svg", ".jfr"));
        Files.createDirectories(svg.getParent());
        jcmd(pid, "JFR.start", "name=cairn-benchmark", "settings=profile");
        try {
            load.call();
        } finally {
            jcmd(pid, "JFR.dump", "name=cairn-benchmark", "filename=" + recording);
            jcmd(pid, "JFR.stop", "name=cairn-benchmark");
        }
        return fold(recording, svg, "CPU samples of process " + pid);
    }

    /** A recording's CPU samples as a flame graph and the methods most often on top; the recording is then deleted. */
    static Findings fold(Path recording, Path svg, String title) throws Exception {
        Map<String, Long> stacks = new TreeMap<>();
        Map<String, Long> onTop = new LinkedHashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName().replaceAll("^.*\\.(?=[^.]+\\.[^.]+$)", "")
                        + "." + frame.getMethod().getName());
            }
            if (frames.isEmpty()) {
                continue;
            }
            onTop.merge(frames.get(0), 1L, Long::sum);
            Collections.reverse(frames);
            stacks.merge(String.join(";", frames), 1L, Long::sum);
            samples++;
        }
        Files.writeString(svg, FlameGraph.svg(stacks, title));
        Map<String, Double> hottest = new LinkedHashMap<>();
        long total = samples;
        onTop.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(8)
                .forEach(e -> hottest.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        Files.deleteIfExists(recording);
        return new Findings(svg, samples, hottest);
    }

    static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
