package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker is stopped for 60 s while 1,000 assessments are completed: intake keeps answering (its outbox
 * holds the events), every service stays ready and live throughout (so Kubernetes neither takes it out of its Service
 * nor restarts it), and once the broker is back exactly one plan is drafted per assessment.
 */
class BrokerOutageIT {

    static final int ASSESSMENTS = 1000;
    static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    void everyAssessmentCompletedWhileTheBrokerIsDownDraftsExactlyOnePlan() throws Exception {
        List<AssessmentLoad.Completed> completed;
        int finishedBeforeOutage;
        int finishedDuringOutage;
        try (AssessmentLoad load = AssessmentLoad.start(ASSESSMENTS, 6)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.finished() >= 100);
            finishedBeforeOutage = load.finished();
            Duration down;
            ServiceHealth health = new ServiceHealth();
            try (Outage outage = Outage.of(OUTAGE, FaultControl::stopKafka, FaultControl::startKafka)) {
                // The outage lasts its full length whatever the load does meanwhile; the services are probed
                // every two seconds of it, as Kubernetes would.
                await().atMost(OUTAGE.plusMinutes(1)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    if (outage.over()) {
                        return true;
                    }
                    health.probe();
                    return false;
                });
                finishedDuringOutage = load.finished() - finishedBeforeOutage;
                down = outage.lasted();
            }
            Report.figures("broker outage", "broker down %d s, services probed %d times".formatted(down.toSeconds(),
                    health.rounds()));
            assertTrue(health.rounds() >= 10, "the services were probed through the outage");
            assertEquals(List.of(), health.failures().stream().limit(10).toList(),
                    "every service stayed ready and live while the broker was down");
            completed = load.await();
            assertEquals(List.of(), load.failures().stream().limit(5).toList(), "every request during the outage was answered");
        }
        DraftedPlans.Figures figures = DraftedPlans.awaitAll(completed, Duration.ofMinutes(5));
        Report.figures("broker outage", "completed before the outage=%d, during=%d; %s".formatted(
                finishedBeforeOutage, finishedDuringOutage, figures));
        assertEquals(ASSESSMENTS, figures.completed());
        assertEquals(0, figures.lost(), "plans lost");
        assertEquals(0, figures.duplicated(), "plans duplicated");
        assertEquals(ASSESSMENTS, figures.assessmentsWithDraftedEvent(), "every plan announced");
        assertEquals(ASSESSMENTS, figures.draftedEvents(), "each plan announced by one event");
    }
}
