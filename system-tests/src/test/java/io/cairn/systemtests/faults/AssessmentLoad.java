package io.cairn.systemtests.faults;

import io.cairn.systemtests.Platform;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clinic traffic: patients registered and assessed to completion, several at once, through the gateway. Each
 * completed assessment is one {@code intake.assessment.completed} event, from which exactly one plan must be drafted.
 */
public final class AssessmentLoad implements AutoCloseable {

    /** One patient assessed to completion. */
    public record Completed(UUID patientId, UUID assessmentId) {
    }

    private final Api gateway = new Api(Platform.GATEWAY);
    private final String coordinator = Platform.tokenOf("coordinator", "coordinator");
    private final String clinician = Platform.tokenOf("clinician", "clinician");
    private final ExecutorService workers;
    private final Queue<Completed> completed = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final String batch = UUID.randomUUID().toString().substring(0, 8);

    private AssessmentLoad(int concurrency) {
        workers = Executors.newFixedThreadPool(concurrency);
    }

    /** Starts completing {@code count} assessments on {@code concurrency} threads; returns at once. */
    public static AssessmentLoad start(int count, int concurrency) {
        AssessmentLoad load = new AssessmentLoad(concurrency);
        for (int i = 0; i < count; i++) {
            int number = i;
            load.workers.submit(() -> load.admit(number));
        }
        load.workers.shutdown();
        return load;
    }

    private void admit(int number) {
        try {
            Api.Answer patient = gateway.post("/patients", coordinator, """
                    {"givenName":"Load","familyName":"Fault-%s-%d","birthDate":"1984-03-02","sex":"female",
                     "ageGroup":"adult","preferredSchedule":"evening",
                     "identifiers":[{"system":"urn:cairn:fault-suite","value":"%s-%d"}]}"""
                    .formatted(batch, number, batch, number));
            if (patient.status() != 201) {
                failures.add("patient: " + patient);
                return;
            }
            UUID patientId = UUID.fromString(patient.json().get("id").asText());
            String assessmentId = gateway.completeAssessment(clinician, patientId.toString());
            completed.add(new Completed(patientId, UUID.fromString(assessmentId)));
        } catch (RuntimeException e) {
            failures.add(e.toString());
        } finally {
            finished.incrementAndGet();
        }
    }

    /** Assessments finished so far, completed or failed. */
    public int finished() {
        return finished.get();
    }

    /** Waits for every assessment and returns those completed. */
    public List<Completed> await() throws InterruptedException {
        if (!workers.awaitTermination(15, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The load did not finish in 15 minutes");
        }
        return List.copyOf(completed);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
