package io.cairn.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Lets a test make the tally's effect fail a number of times for one patient, like a database hiccup would. */
@ApplicationScoped
public class FlakyPatients {

    private final Map<UUID, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> outagesLeft = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** Fails like a database that is restarting (SQLState 08006, connection failure). */
    public void failLikeAnOutage(UUID patientId, int times) {
        outagesLeft.put(patientId, new AtomicInteger(times));
    }

    public void failTimes(UUID patientId, int times) {
        failuresLeft.put(patientId, new AtomicInteger(times));
    }

    public int attempts(UUID patientId) {
        return attempts.getOrDefault(patientId, new AtomicInteger()).get();
    }

    void attempt(UUID patientId) {
        attempts.computeIfAbsent(patientId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger outage = outagesLeft.get(patientId);
        if (outage != null && outage.getAndDecrement() > 0) {
            throw new IllegalStateException("database unavailable",
                    new java.sql.SQLException("connection failure during transaction", "08006"));
        }
        AtomicInteger left = failuresLeft.get(patientId);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("transient failure for " + patientId);
        }
    }
}
