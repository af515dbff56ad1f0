package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The treatment-plan service is stopped while 1,000 assessments are completed and started again afterwards: the
 * events wait on the topic, and each drafts exactly one plan once the service is back.
 */
class PlanServiceOutageIT {

    static final int ASSESSMENTS = 1000;

    @Test
    void assessmentsCompletedWhileThePlanServiceIsDownEachDraftExactlyOnePlan() throws Exception {
        List<AssessmentLoad.Completed> completed;
        int finishedBeforeStop;
        int finishedWhileStopped;
        try (AssessmentLoad load = AssessmentLoad.start(ASSESSMENTS, 6)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.finished() >= 100);
            finishedBeforeStop = load.finished();
            FaultControl.stopService("treatment-plan-service");
            try {
                completed = load.await();
                finishedWhileStopped = load.finished() - finishedBeforeStop;
            } finally {
                FaultControl.startService("treatment-plan-service");
            }
            assertEquals(List.of(), load.failures().stream().limit(5).toList(), "intake answered every request");
        }
        DraftedPlans.Figures figures = DraftedPlans.awaitAll(completed, Duration.ofMinutes(5));
        Report.figures("treatment-plan service outage", "completed before the stop=%d, while stopped=%d; %s"
                .formatted(finishedBeforeStop, finishedWhileStopped, figures));
        assertEquals(ASSESSMENTS, figures.completed());
        assertEquals(0, figures.lost(), "plans lost");
        assertEquals(0, figures.duplicated(), "plans duplicated");
        assertEquals(ASSESSMENTS, figures.draftedEvents(), "each plan announced by one event");
    }
}
