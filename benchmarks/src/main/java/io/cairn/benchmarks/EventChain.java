package io.cairn.benchmarks;

import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.kafka.CloudEventHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * From the response to {@code POST /assessments/{id}/complete} to the drafted plan being readable from the
 * treatment-plan service, with completions at a constant rate. The plan's {@code plan.drafted} event on the topic
 * says when to look; the time taken is when {@code GET /treatment-plans?patientId=} first answers with the plan.
 */
final class EventChain {

    private static final int WARM_UP_RATE = 20;
    /** A phase's completions at most: a fast rate's phase is shorter, so that the curve needs fewer assessments. */
    private static final int MOST_PER_PHASE = 1_000;
    /** Past this p99 the chain is far beyond what it keeps up with: faster rates are not offered. */
    private static final double SATURATED_MS = 10_000;
    private static final double CAPACITY_P99_MS = 1_000;

    private final Settings settings;
    final Map<Integer, Latencies.Summary> chain = new LinkedHashMap<>();
    final Map<Integer, Integer> lost = new LinkedHashMap<>();
    /** Per rate: the cores each part of the stack kept busy while it ran. */
    final Map<Integer, Map<String, Double>> cpuByRate = new LinkedHashMap<>();
    /** How long each phase took, from its first completion offered until its last plan was readable. */
    final Map<Integer, Duration> phaseTook = new LinkedHashMap<>();
    /** Per rate: raw Kafka on the same broker at the same rate, right after the chain's phase. */
    final Map<Integer, Latencies.Summary> kafkaFloor = new LinkedHashMap<>();
    /** The rate at which the chain fell behind, after which no faster one was offered; none if it never did. */
    Integer saturatedAt;
    final List<Goal> goals = new ArrayList<>();

    EventChain(Settings settings) {
        this.settings = settings;
    }

    /** One assessment on its way: when its completion was answered, and whether its plan was seen. */
    private static final class Pending {
        volatile long completedAt;
        volatile boolean drafted;
        final CountDownLatch readable = new CountDownLatch(1);
    }

    EventChain run() throws Exception {
        Clinic clinic = new Clinic();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // The services' JIT compilers are still busy after the other sections: the path is warmed up unmeasured.
        int warmUp = WARM_UP_RATE * (int) settings.warmUp().multipliedBy(3).toSeconds();
        try (PlanWatch watch = new PlanWatch(clinic.clinician)) {
            Report.progress("event chain: filling in " + warmUp + " assessments to warm up on");
            List<Clinic.ReadyAssessment> warming = clinic.readyAssessments(warmUp, batch + "-warm");
            Report.progress("event chain: warming up, " + WARM_UP_RATE + " completions/s");
            watch.measure(clinic, warming, WARM_UP_RATE);
            for (int rate : settings.chainRates()) {
                int count = (int) Math.min(rate * settings.chainPhase().toSeconds(), MOST_PER_PHASE);
                Report.progress("event chain: filling in " + count + " assessments to complete at " + rate + "/s");
                List<Clinic.ReadyAssessment> phase = clinic.readyAssessments(count, batch + "-" + rate);
                // Filling in registers patients, whose events the services handle just after: let them settle.
                Thread.sleep(3_000);
                Report.progress("event chain: " + rate + " completions/s");
                CpuUse cpu = CpuUse.from();
                long began = System.nanoTime();
                Latencies.Summary latency = watch.measure(clinic, phase, rate);
                phaseTook.put(rate, Duration.ofNanos(System.nanoTime() - began));
                chain.put(rate, latency);
                cpuByRate.put(rate, cpu.cores());
                lost.put(rate, watch.unseen + watch.refused);
                Report.progress("event chain: Kafka floor, " + rate + " records/s");
                kafkaFloor.put(rate, KafkaFloor.measure(rate, Duration.ofMillis(1_000L * count / rate)));
                if (latency.p99() > SATURATED_MS || watch.unseen + watch.refused > 0) {
                    saturatedAt = rate;
                    break;
                }
            }
        }
        Latencies.Summary at50 = chain.get(50);
        String p50 = "assessment completed → plan readable, p50 at 50/s";
        String p99 = "assessment completed → plan readable, p99 at 50/s";
        if (at50 != null) {
            goals.add(Goal.atMost(p50, 25, at50.p50(), "ms"));
            goals.add(Goal.atMost(p99, 100, at50.p99(), "ms"));
        } else {
            String why = saturatedAt != null ? "not offered: the chain fell behind at " + saturatedAt + "/s"
                    : "not offered (--rates)";
            goals.add(new Goal(p50, "≤ 25 ms", why, false));
            goals.add(new Goal(p99, "≤ 100 ms", why, false));
        }
        goals.add(Goal.atLeast("highest completion rate with p99 ≤ 1 s", 200, capacity(), "/s"));
        return this;
    }

    /**
     * The highest rate offered up to which every plan was readable and p99 stayed within a second: the rates are
     * offered slowest first, and the first that misses ends it.
     */
    int capacity() {
        int capacity = 0;
        for (Map.Entry<Integer, Latencies.Summary> rate : chain.entrySet()) {
            if (rate.getValue().p99() > CAPACITY_P99_MS || lost.get(rate.getKey()) > 0) {
                break;
            }
            capacity = rate.getKey();
        }
        return capacity;
    }

    /** Watches the treatment-plan topic for drafted plans and confirms each through the API. */
    private static final class PlanWatch implements AutoCloseable {

        private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        private final String token;
        private final Map<String, Pending> pending = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> consumer;
        private final Thread poller;
        private volatile boolean running = true;
        private volatile Latencies latencies;
        int unseen;
        /** Completions of the last phase the gateway refused or did not answer within 30 s: the stack fell behind. */
        int refused;

        PlanWatch(String token) {
            this.token = token;
            Properties config = new Properties();
            config.put("bootstrap.servers", "localhost:9092");
            config.put("key.deserializer", StringDeserializer.class.getName());
            config.put("value.deserializer", StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TREATMENT_PLAN).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = new Thread(this::poll, "plan-watch");
            poller.start();
        }

        private void poll() {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type == null || !new String(type.value(), StandardCharsets.UTF_8).endsWith(
                            EventType.PLAN_DRAFTED.type())) {
                        continue;
                    }
                    Pending one = pending.get(record.key());
                    if (one != null) {
                        one.drafted = true;
                        if (one.completedAt != 0) {
                            confirm(record.key(), one);
                        }
                    }
                }
            }
        }

        /** Reads the plan through the API; until it answers with it, asks again every millisecond. */
        private void confirm(String patientId, Pending one) {
            HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:"
                    + Stack.APPS.get("treatment-plan-service") + "/api/v1/treatment-plans?patientId=" + patientId))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build();
            http.sendAsync(read, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                if (failure == null && answer.statusCode() == 200 && answer.body().contains("\"id\"")) {
                    if (one.readable.getCount() > 0) {
                        latencies.recordNanos(System.nanoTime() - one.completedAt);
                        one.readable.countDown();
                    }
                } else {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    confirm(patientId, one);
                }
            });
        }

        Latencies.Summary measure(Clinic clinic, List<Clinic.ReadyAssessment> phase, int rate) throws Exception {
            latencies = new Latencies();
            List<Pending> mine = new ArrayList<>();
            for (Clinic.ReadyAssessment assessment : phase) {
                Pending one = new Pending();
                pending.put(assessment.patientId().toString(), one);
                mine.add(one);
            }
            ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
            AtomicInteger refused = new AtomicInteger();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < phase.size(); i++) {
                Clinic.ReadyAssessment assessment = phase.get(i);
                Pending one = mine.get(i);
                pacer.schedule(() -> {
                    HttpRequest complete = HttpRequest.newBuilder(URI.create("http://localhost:" + Stack.GATEWAY
                            + "/api/v1/assessments/" + assessment.assessmentId() + "/complete"))
                            .header("Authorization", "Bearer " + clinic.clinician)
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    http.sendAsync(complete, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                        if (failure != null || answer.statusCode() != 200) {
                            refused.incrementAndGet();
                            one.readable.countDown();
                            return;
                        }
                        one.completedAt = System.nanoTime();
                        if (one.drafted) {
                            confirm(assessment.patientId().toString(), one);
                        }
                    });
                }, i * interval, TimeUnit.NANOSECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60) + phase.size() * interval;
            unseen = 0;
            for (Pending one : mine) {
                if (!one.readable.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    unseen++;
                }
            }
            pacer.shutdownNow();
            this.refused = refused.get();
            phase.forEach(a -> pending.remove(a.patientId().toString()));
            return latencies.summary();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join();
            consumer.close();
        }
    }

    String markdown(Path reportDirectory) throws java.io.IOException {
        StringBuilder out = new StringBuilder("""
                ## 2. Event chain latency and capacity

                Assessments filled in before each phase, then completed through the gateway at a constant rate
                (for %d s, or %d completions at the faster rates), after a warm-up at %d/s that is not counted. Each
                time is from the `200` of `POST /api/v1/assessments/{id}/complete` to the first `GET
                /api/v1/treatment-plans?patientId=` on the treatment-plan service that returns the drafted plan
                (the path: intake's transaction and outbox, its relay, Kafka, treatment-plan's consumer and inbox,
                its transaction). The harness watches the topic for the `plan.drafted` event to know when to read.
                Right after each phase, the floor on the same broker at the same rate: a producer (`acks=all`,
                `linger.ms=0`) and a consumer in one JVM, produce → consume. *Plans/s* is the rate the chain
                achieved (plans ÷ the time from the phase's first completion to its last readable plan), and *CPU
                per plan* the whole machine's busy time in the phase ÷ its plans (harness and idle work included).

                | completions/s | plans | p50 (ms) | p90 | p95 | p99 | p99.9 | refused or not readable within a minute \
                | Kafka p50 (ms) | Kafka p99 | cores busy | plans/s | CPU per plan (ms) |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """.formatted(settings.chainPhase().toSeconds(), MOST_PER_PHASE, WARM_UP_RATE));
        List<CapacityPlot.Point> points = new ArrayList<>();
        chain.forEach((rate, latency) -> {
            Latencies.Summary kafka = kafkaFloor.get(rate);
            double cores = cpuByRate.get(rate).values().stream().mapToDouble(d -> d).sum();
            double seconds = phaseTook.get(rate).toNanos() / 1e9;
            // A phase that lost plans is drawn at the top: its p99 counts only the plans that made it.
            double p99 = lost.get(rate) > 0 ? Double.POSITIVE_INFINITY : latency.p99();
            points.add(new CapacityPlot.Point(rate, latency.p50(), p99, kafka.p50(), kafka.p99(), cores));
            out.append("| ").append(rate).append(" | ").append(latency.count()).append(" | ")
                    .append(Report.latencies(latency, true)).append(" | ").append(lost.get(rate)).append(" | ")
                    .append(Report.number(kafka.p50())).append(" | ").append(Report.number(kafka.p99()))
                    .append(" | ").append(Report.number(cores)).append(" | ")
                    .append(Report.number(latency.count() / seconds)).append(" | ")
                    .append(Report.number(latency.count() == 0 ? 0 : cores * seconds * 1000 / latency.count()))
                    .append(" |\n");
        });
        int capacity = capacity();
        out.append('\n').append(capacity == 0 ? "**The chain kept p99 within 1 s at none of the rates offered**"
                : "**The chain keeps p99 within 1 s up to " + capacity + " completions/s** of those offered")
                .append(saturatedAt == null ? "."
                        : "; at " + saturatedAt + "/s it fell behind (p99 over " + (long) (SATURATED_MS / 1000)
                                + " s, or completions refused or plans not readable), so no faster rate was offered.")
                .append("\n\n");
        int cores = Runtime.getRuntime().availableProcessors();
        Files.writeString(reportDirectory.resolve("event-chain-capacity.svg"), CapacityPlot.svg(points, cores));
        out.append("![the capacity curve: chain and Kafka p50 and p99 on a log scale, and the cores busy, against "
                + "completions offered per second](event-chain-capacity.svg)\n\n");
        out.append(Report.goals(goals));
        out.append("\nCores each part of the stack kept busy during each phase (until its last plan was readable):\n\n"
                + "| part |");
        cpuByRate.keySet().forEach(rate -> out.append(' ').append(rate).append("/s |"));
        out.append("\n| --- |");
        cpuByRate.keySet().forEach(rate -> out.append(" ---: |"));
        out.append('\n');
        cpuByRate.values().stream().findFirst().map(Map::keySet).orElse(java.util.Set.of()).forEach(part -> {
            out.append("| ").append(part).append(" |");
            cpuByRate.values().forEach(byPart -> out.append(' ').append(Report.number(byPart.get(part))).append(" |"));
            out.append('\n');
        });
        return out.append('\n').toString();
    }
}
