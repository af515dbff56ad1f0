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
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public void failTimes(UUID patientId, int times) {
        failuresLeft.put(patientId, new AtomicInteger(times));
    }

    public int attempts(UUID patientId) {
        return attempts.getOrDefault(patientId, new AtomicInteger()).get();
    }

    void attempt(UUID patientId) {
        attempts.computeIfAbsent(patientId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = failuresLeft.get(patientId);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("transient failure for " + patientId);
        }
    }
}
