package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker is stopped for 60 s while 1,000 assessments are completed: intake keeps answering (its outbox
 * holds the events), and once the broker is back exactly one plan is drafted per assessment.
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
            try (Outage outage = Outage.of(OUTAGE, FaultControl::stopKafka, FaultControl::startKafka)) {
                // The outage lasts its full length whatever the load does meanwhile.
                await().atMost(OUTAGE.plusMinutes(1)).until(outage::over);
                finishedDuringOutage = load.finished() - finishedBeforeOutage;
                down = outage.lasted();
            }
            Report.figures("broker outage", "broker down %d s".formatted(down.toSeconds()));
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
