package io.cairn.benchmarks;

import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.kafka.CloudEventHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    static final int[] RATES = { 10, 50, 100 };
    private static final int WARM_UP_RATE = 20;

    private final Settings settings;
    final Map<Integer, Latencies.Summary> chain = new LinkedHashMap<>();
    final Map<Integer, Integer> lost = new LinkedHashMap<>();
    /** Per rate: the cores each part of the stack kept busy while it ran. */
    final Map<Integer, Map<String, Double>> cpuByRate = new LinkedHashMap<>();
    Latencies.Summary kafkaFloor;
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
        int perPhase = (int) settings.chainPhase().toSeconds();
        // The services' JIT compilers are still busy after the other sections: the path is warmed up unmeasured.
        int warmUp = WARM_UP_RATE * (int) settings.warmUp().multipliedBy(3).toSeconds();
        int total = warmUp;
        for (int rate : RATES) {
            total += rate * perPhase;
        }
        Report.progress("event chain: filling in " + total + " assessments to complete");
        List<Clinic.ReadyAssessment> ready = clinic.readyAssessments(total, UUID.randomUUID().toString()
                .substring(0, 8));
        int next = warmUp;
        try (PlanWatch watch = new PlanWatch(clinic.clinician)) {
            Report.progress("event chain: warming up, " + WARM_UP_RATE + " completions/s");
            watch.measure(clinic, ready.subList(0, warmUp), WARM_UP_RATE);
            for (int rate : RATES) {
                List<Clinic.ReadyAssessment> phase = ready.subList(next, next + rate * perPhase);
                next += phase.size();
                Report.progress("event chain: " + rate + " completions/s");
                CpuUse cpu = CpuUse.from();
                chain.put(rate, watch.measure(clinic, phase, rate));
                cpuByRate.put(rate, cpu.cores());
                lost.put(rate, watch.unseen);
            }
        }
        Report.progress("event chain: Kafka floor, 50 records/s");
        kafkaFloor = KafkaFloor.measure(50, settings.chainPhase());
        Latencies.Summary at50 = chain.get(50);
        goals.add(Goal.atMost("assessment completed → plan readable, p50 at 50/s", 25, at50.p50(), "ms"));
        goals.add(Goal.atMost("assessment completed → plan readable, p99 at 50/s", 100, at50.p99(), "ms"));
        return this;
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
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " completions were refused at " + rate + "/s");
            }
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

    String markdown() {
        StringBuilder out = new StringBuilder("""
                ## 2. Event chain latency

                Assessments filled in beforehand, then completed through the gateway at a constant rate, after a
                warm-up at %d/s that is not counted. Each time is
                from the `200` of `POST /api/v1/assessments/{id}/complete` to the first `GET
                /api/v1/treatment-plans?patientId=` on the treatment-plan service that returns the drafted plan
                (the path: intake's transaction and outbox, its relay, Kafka, treatment-plan's consumer and inbox,
                its transaction). The harness watches the topic for the `plan.drafted` event to know when to read.

                | completions/s | plans | p50 (ms) | p90 | p95 | p99 | p99.9 | not readable within a minute |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """.formatted(WARM_UP_RATE));
        chain.forEach((rate, latency) -> out.append("| ").append(rate).append(" | ").append(latency.count())
                .append(" | ").append(Report.latencies(latency, true)).append(" | ").append(lost.get(rate))
                .append(" |\n"));
        out.append("""

                The floor, on the same broker in the same run: a producer (`acks=all`, `linger.ms=0`) and a consumer
                in one JVM, 50 records/s for %d s, produce → consume:

                | records | p50 (ms) | p90 | p95 | p99 | p99.9 |
                | ---: | ---: | ---: | ---: | ---: | ---: |
                | %d | %s |

                """.formatted(settings.chainPhase().toSeconds(), kafkaFloor.count(),
                Report.latencies(kafkaFloor, true)));
        out.append(Report.goals(goals));
        cpuByRate.forEach((rate, cores) -> out.append("\nCPU while completing ").append(rate)
                .append(" assessments/s (the whole phase, until the last plan was readable):\n\n")
                .append(CpuUse.markdown(cores)));
        return out.append('\n').toString();
    }
}
