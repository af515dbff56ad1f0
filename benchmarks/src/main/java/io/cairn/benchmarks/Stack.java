package io.cairn.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local stack under measurement, started the way a developer starts it ({@code bin/cairn-local}) with its fault
 * control open, from which replicas of each app are started and stopped on spare ports.
 */
final class Stack implements AutoCloseable {

    static final int GATEWAY = 8080;
    static final Map<String, Integer> APPS = Map.of("intake-service", 8081, "treatment-plan-service", 8082,
            "scheduling-service", 8083, "aftercare-service", 8084, "worklist-service", 8085, "gateway", GATEWAY);
    private static final String FAULT_CONTROL = "http://localhost:8099";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path log;
    private Process launcher;

    Stack(Path root) {
        this.root = root;
        this.log = root.resolve("benchmarks/target/local-stack.log");
    }

    /** Starts {@code bin/cairn-local} and returns how long it took until the gateway was ready. */
    Duration start(boolean wipe) throws Exception {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/cairn-local").toString(), "--no-seed",
                "--fault-control"));
        if (wipe) {
            command.add("--wipe");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Benchmarks are far above one clinician's rate: the gateway's limit per caller is lifted for them.
        builder.environment().put("GATEWAY_RATE_LIMIT_READS_PER_MINUTE", "100000000");
        builder.environment().put("GATEWAY_RATE_LIMIT_WRITES_PER_MINUTE", "100000000");
        long began = System.nanoTime();
        launcher = builder.start();
        awaitReady("the local stack", GATEWAY, Duration.ofMinutes(6), launcher);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        awaitFaultControl();
        return took;
    }

    /** The launcher opens its fault control just after the gateway is ready; every section here needs it. */
    private static void awaitFaultControl() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try (java.net.Socket open = new java.net.Socket("localhost", URI.create(FAULT_CONTROL).getPort())) {
                return;
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the whole stack as Ctrl-C would, waiting until every part has exited. */
    void stop() throws Exception {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> parts = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor();
        }
        for (ProcessHandle part : parts) {
            part.onExit().get(30, TimeUnit.SECONDS);
        }
        launcher = null;
    }

    /** One replica of an app on {@code port}, started and timed; see {@link Replica}. */
    Replica startReplica(String app, int port) throws Exception {
        return startReplica(app, port, Map.of());
    }

    /** The same, with environment variables of its own (JAVA_TOOL_OPTIONS, say). */
    Replica startReplica(String app, int port, Map<String, String> env) throws Exception {
        StringBuilder variables = new StringBuilder();
        env.forEach((name, value) -> variables.append("&env=").append(java.net.URLEncoder.encode(name + "=" + value,
                java.nio.charset.StandardCharsets.UTF_8)));
        long began = System.nanoTime();
        CompletableFuture<HttpResponse<String>> started = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(
                FAULT_CONTROL + "/services/" + app + "/start?port=" + port + variables)).timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        awaitReady(app + " on " + port, port, Duration.ofMinutes(3), null);
        Duration ready = Duration.ofNanos(System.nanoTime() - began);
        HttpResponse<String> answer = started.get(3, TimeUnit.MINUTES);
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("Starting " + app + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        long pid = Long.parseLong(answer.headers().firstValue("X-Process-Id").orElseThrow());
        return new Replica(app, port, pid, ready);
    }

    /**
     * Waits until the apps' class-data archives are written: after a build, a first start writes them in the
     * background, and a stop would abandon them, leaving the "warm" start without them.
     */
    void awaitArchives() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(FAULT_CONTROL + "/archives/await"))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("Waiting for the class-data archives answered " + answer.statusCode());
        }
    }

    void stopReplica(Replica replica) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(FAULT_CONTROL + "/services/"
                + replica.app() + "/stop?port=" + replica.port())).timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("Stopping " + replica + " answered " + answer.statusCode());
        }
    }

    /** The process of an app's own instance (not a replica's: call while none runs). */
    static long pidOf(String app) {
        String jar = app + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(jar))
                .orElse(false)).mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException(app + " is not running"));
    }

    /** Resident memory of a process, in MB (VmRSS). */
    static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** Polls readiness every 10 ms, so start-up times are read to the hundredth of a second. */
    private static void awaitReady(String what, int port, Duration timeout, Process process) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " stopped (exit " + process.exitValue()
                        + "); see benchmarks/target/local-stack.log");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s");
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** A replica of an app: its port, its process, and how long it took from launch to ready. */
    record Replica(String app, int port, long pid, Duration ready) {
    }
}
