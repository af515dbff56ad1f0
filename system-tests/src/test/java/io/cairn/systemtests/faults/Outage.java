package io.cairn.systemtests.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A part of the platform taken away for a set time and brought back by a timer, so that the test meanwhile waits on
 * conditions (the load, {@link #over()}) rather than sleeping. Closing it makes sure the part is back.
 */
public final class Outage implements AutoCloseable {

    private final Instant began = Instant.now();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledFuture<Instant> ended;
    private final Duration length;

    private Outage(Duration length, Runnable restore) {
        this.length = length;
        this.ended = clock.schedule(() -> {
            restore.run();
            return Instant.now();
        }, length.toMillis(), TimeUnit.MILLISECONDS);
        clock.shutdown();
    }

    /** Takes the part away now and has it brought back after {@code length}. */
    public static Outage of(Duration length, Runnable takeAway, Runnable restore) {
        takeAway.run();
        return new Outage(length, restore);
    }

    /** Whether the part is back. */
    public boolean over() {
        return ended.isDone();
    }

    /** How long the part was away; waits until it is back. */
    public Duration lasted() throws InterruptedException, ExecutionException {
        return Duration.between(began, ended.get());
    }

    @Override
    public void close() throws InterruptedException {
        // A shut-down clock still runs the restore it has scheduled: wait for it.
        if (!clock.awaitTermination(length.toMillis() + Duration.ofMinutes(3).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The part taken away was not brought back");
        }
    }
}
