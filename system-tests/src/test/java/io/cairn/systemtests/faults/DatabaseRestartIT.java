package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.systemtests.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is stopped and started again while patients are being registered: while it is down every request gets a
 * 503 problem+json; afterwards the same service processes answer again without a restart; and every patient that was
 * written was written whole (both identifiers), every one acknowledged with a 201 is there.
 */
class DatabaseRestartIT {

    static final Duration DOWN = Duration.ofSeconds(10);

    enum Phase {
        BEFORE,
        DOWN,
        AFTER
    }

    record Attempt(Phase phase, String familyName, Api.Answer answer) {
    }

    @Test
    void aDatabaseRestartUnderLoadGives503sThenRecoversWithoutPartialWrites() throws Exception {
        Api gateway = new Api(Platform.GATEWAY);
        String coordinator = Platform.tokenOf("coordinator", "coordinator");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger createdAfter = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            writers.submit(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String familyName = "Restart-" + batch + "-" + n;
                    Phase during = phase.get();
                    Api.Answer answer = gateway.post("/patients", coordinator, """
                            {"givenName":"Load","familyName":"%s","birthDate":"1979-05-05","sex":"male",
                             "ageGroup":"adult","identifiers":[{"system":"urn:cairn:fault-suite","value":"%s"},
                             {"system":"urn:cairn:fault-suite:second","value":"%s"}]}"""
                            .formatted(familyName, familyName, familyName));
                    Phase after = phase.get();
                    attempts.add(new Attempt(during == after ? during : Phase.DOWN, familyName, answer));
                    if (after == Phase.AFTER && answer.status() == 201) {
                        createdAfter.incrementAndGet();
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts.size() >= 20);
            phase.set(Phase.DOWN);
            try (Outage outage = Outage.of(DOWN, FaultControl::stopPostgres, FaultControl::startPostgres)) {
                // The outage lasts its full length whatever the writers do meanwhile.
                await().atMost(DOWN.plusMinutes(1)).until(outage::over);
            }
            phase.set(Phase.AFTER);
            await().atMost(Duration.ofSeconds(90)).until(() -> createdAfter.get() >= 20);
        } finally {
            running.set(false);
            writers.shutdown();
            writers.awaitTermination(1, TimeUnit.MINUTES);
        }

        Map<String, Integer> statuses = new TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.phase() + " " + a.answer().status(), 1, Integer::sum));
        List<Attempt> unexpected = attempts.stream().filter(a -> a.answer().status() != 201
                && !(a.answer().status() == 503 && a.answer().isProblem())).toList();
        List<String> acknowledged = attempts.stream().filter(a -> a.answer().status() == 201)
                .map(Attempt::familyName).toList();
        String pattern = "Restart-" + batch + "-%";
        long written = Databases.count("intake", "SELECT count(*) FROM patient WHERE family_name LIKE ?", pattern);
        long whole = Databases.count("intake", """
                SELECT count(*) FROM patient p WHERE p.family_name LIKE ?
                AND (SELECT count(*) FROM patient_identifier i WHERE i.patient_id = p.id) = 2""", pattern);
        long acknowledgedAndWritten = Databases.count("intake",
                "SELECT count(*) FROM patient WHERE family_name = ANY(?)", (Object) acknowledged.toArray(String[]::new));
        long unavailable = attempts.stream().filter(a -> a.answer().status() == 503).count();
        Report.figures("database restart",
                "requests=%d by phase and status %s; 503 problem+json=%d; other failures=%d; patients written=%d, written whole=%d, acknowledged=%d, acknowledged and found=%d"
                        .formatted(attempts.size(), statuses, unavailable, unexpected.size(), written, whole,
                                acknowledged.size(), acknowledgedAndWritten));
        assertEquals(List.of(), unexpected.stream().map(Attempt::answer).limit(5).toList(),
                "only 201, or 503 problem+json while the database is away");
        assertTrue(attempts.stream().anyMatch(a -> a.phase() == Phase.DOWN && a.answer().status() == 503),
                "the outage was seen as 503s");
        assertEquals(written, whole, "no patient written in part");
        assertEquals(acknowledged.size(), acknowledgedAndWritten, "every 201 is in the database");
        assertEquals(acknowledged.size(), written, "nothing written that was not acknowledged");
    }
}
