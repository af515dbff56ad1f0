package io.cairn.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The HTTP load generator: non-blocking (Vert.x, one event loop, so it takes at most one of the machine's cores), keep-alive
 * connections, and two models. {@link #atRate} is open: requests leave on a fixed schedule whether or not earlier ones
 * have answered, and each latency counts from when its request was due, so a stall shows in the percentiles instead of
 * silently slowing the generator (coordinated omission, corrected as wrk2 does). {@link #saturate} is closed: each
 * connection sends its next request as soon as the last one answered, which finds the most a target can serve.
 */
final class Load implements AutoCloseable {

    /** Where the requests go: a port on loopback, the path of each request, the bearer token. */
    record Target(String name, int port, Supplier<String> path, String token) {

        static Target of(String name, int port, String path, String token) {
            return new Target(name, port, () -> path, token);
        }
    }

    /** What an open-model phase measured: latencies from when each request was due, and the answers that were not 2xx. */
    record Paced(int rate, Latencies.Summary latency, long failures, String firstFailure) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));

    /** Requests at {@code rate} per second for {@code duration}, on up to {@code connections} connections. */
    Paced atRate(Target target, int rate, int connections, Duration duration) throws InterruptedException {
        HttpClient client = client(target, connections);
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        StringBuilder firstFailure = new StringBuilder();
        long total = Math.max(1, rate * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        AtomicLong scheduled = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long timer = vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) / interval + 1);
            for (long i = scheduled.get(); i < due; i++) {
                long intended = start + i * interval;
                send(client, target).onComplete(answer -> {
                    latencies.recordNanos(System.nanoTime() - intended);
                    if (answer.failed() || answer.result() / 100 != 2) {
                        if (failures.getAndIncrement() == 0) {
                            synchronized (firstFailure) {
                                firstFailure.append(answer.failed() ? answer.cause().toString() : answer.result());
                            }
                        }
                    }
                    if (answered.incrementAndGet() == total) {
                        done.complete(null);
                    }
                });
            }
            scheduled.set(Math.max(scheduled.get(), due));
        });
        try {
            done.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(target.name() + " did not answer every request at " + rate + "/s", e);
        } finally {
            vertx.cancelTimer(timer);
            client.close();
        }
        synchronized (firstFailure) {
            return new Paced(rate, latencies.summary(), failures.get(), firstFailure.toString());
        }
    }

    /** Requests per second answered with 2xx when each of {@code connections} connections sends back to back. */
    double saturate(Target target, int connections, Duration warmUp, Duration duration) throws InterruptedException {
        HttpClient client = client(target, connections);
        AtomicLong counted = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicLong open = new AtomicLong(connections);
        for (int i = 0; i < connections; i++) {
            vertx.runOnContext(v -> loop(client, target, measureFrom, measureUntil, counted, failures, open, done));
        }
        try {
            done.get(warmUp.toSeconds() + duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(target.name() + " did not finish its saturation phase", e);
        } finally {
            client.close();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(target.name() + " answered " + failures.get()
                    + " requests with an error while saturated");
        }
        return counted.get() * 1e9 / duration.toNanos();
    }

    /**
     * One request at a time (after three unmeasured ones) for {@code duration} or {@code most} requests: each latency
     * is the endpoint's own, with no queue in front of it.
     */
    Paced oneAtATime(Target target, Duration duration, int most) throws InterruptedException {
        HttpClient client = client(target, 1);
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        StringBuilder firstFailure = new StringBuilder();
        try {
            for (int i = 0; i < 3; i++) {
                await(send(client, target), target);
            }
            long until = System.nanoTime() + duration.toNanos();
            for (int i = 0; i < most && System.nanoTime() < until; i++) {
                long began = System.nanoTime();
                int status = await(send(client, target), target);
                latencies.recordNanos(System.nanoTime() - began);
                if (status / 100 != 2 && failures.getAndIncrement() == 0) {
                    firstFailure.append(status);
                }
            }
        } finally {
            client.close();
        }
        return new Paced(0, latencies.summary(), failures.get(), firstFailure.toString());
    }

    private static int await(io.vertx.core.Future<Integer> answer, Target target) throws InterruptedException {
        try {
            return answer.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(target.name() + " did not answer", e);
        }
    }

    private void loop(HttpClient client, Load.Target target, long from, long until, AtomicLong counted,
            AtomicLong failures, AtomicLong open, CompletableFuture<Void> done) {
        send(client, target).onComplete(answer -> {
            long now = System.nanoTime();
            if (now >= from && now < until) {
                if (answer.succeeded() && answer.result() / 100 == 2) {
                    counted.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                }
            }
            if (now < until) {
                loop(client, target, from, until, counted, failures, open, done);
            } else if (open.decrementAndGet() == 0) {
                done.complete(null);
            }
        });
    }

    private HttpClient client(Target target, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
                .setDefaultPort(target.port()).setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(0)
                .setReadIdleTimeout(120),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** One request; its status once the whole body has arrived. */
    private static io.vertx.core.Future<Integer> send(HttpClient client, Target target) {
        return client.request(HttpMethod.GET, target.path().get()).compose(request -> {
            request.putHeader("Authorization", "Bearer " + target.token()).putHeader("Accept", "application/json");
            return request.send().compose(response -> response.body().map(body -> response.statusCode()));
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
