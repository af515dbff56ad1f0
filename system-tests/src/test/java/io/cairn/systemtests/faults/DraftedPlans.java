package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** Counts, in the database and on the topics, what became of a load's completed assessments. */
public final class DraftedPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param completed assessments completed through the API
     * @param completedEvents {@code intake.assessment.completed} records of those assessments on the topic
     * @param plans plans in treatment-plan's database for those assessments
     * @param assessmentsWithPlan distinct assessments that have a plan
     * @param draftedEvents {@code treatment-plan.plan.drafted} records of those assessments on the topic
     * @param assessmentsWithDraftedEvent distinct assessments with such a record
     */
    public record Figures(int completed, long completedEvents, long plans, long assessmentsWithPlan,
            long draftedEvents, long assessmentsWithDraftedEvent) {

        public long lost() {
            return completed - assessmentsWithPlan;
        }

        public long duplicated() {
            return plans - assessmentsWithPlan;
        }

        @Override
        public String toString() {
            return "assessments completed=%d, completed events on the topic=%d (re-sent by the relay: %d, absorbed by the inbox), plans drafted=%d, lost=%d, duplicated=%d, drafted events=%d (for %d assessments)"
                    .formatted(completed, completedEvents, completedEvents - completed, assessmentsWithPlan, lost(),
                            duplicated(), draftedEvents, assessmentsWithDraftedEvent);
        }
    }

    private DraftedPlans() {
    }

    /** Waits until every completed assessment has a plan and treatment-plan has consumed all it was sent. */
    public static Figures awaitAll(List<AssessmentLoad.Completed> completed, Duration within) {
        String[] ids = completed.stream().map(c -> c.assessmentId().toString()).toArray(String[]::new);
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(2)).until(() -> Databases.count("treatment_plan",
                    "SELECT count(DISTINCT assessment_id) FROM treatment_plan WHERE assessment_id = ANY(?::uuid[])",
                    (Object) ids) >= ids.length);
            await().atMost(within).pollInterval(Duration.ofSeconds(1))
                    .until(() -> EventLog.lag("treatment-plan-service") == 0);
        } catch (ConditionTimeoutException e) {
            // Plans that never come are lost: the figures say how many.
        }
        return count(completed);
    }

    public static Figures count(List<AssessmentLoad.Completed> completed) {
        String[] ids = completed.stream().map(c -> c.assessmentId().toString()).toArray(String[]::new);
        Set<String> wanted = Set.of(ids);
        long plans = Databases.count("treatment_plan",
                "SELECT count(*) FROM treatment_plan WHERE assessment_id = ANY(?::uuid[])", (Object) ids);
        long withPlan = Databases.count("treatment_plan",
                "SELECT count(DISTINCT assessment_id) FROM treatment_plan WHERE assessment_id = ANY(?::uuid[])",
                (Object) ids);
        Map<String, Long> completedEvents = perAssessment(Topics.INTAKE, "intake.assessment.completed", wanted);
        Map<String, Long> draftedEvents = perAssessment(Topics.TREATMENT_PLAN, "treatment-plan.plan.drafted", wanted);
        return new Figures(completed.size(), sum(completedEvents), plans, withPlan, sum(draftedEvents),
                draftedEvents.size());
    }

    private static Map<String, Long> perAssessment(String topic, String type, Set<String> wanted) {
        Map<String, Long> counts = new HashMap<>();
        for (EventLog.Event event : EventLog.read(topic)) {
            if (type.equals(event.type())) {
                String assessment = assessmentOf(event.value());
                if (wanted.contains(assessment)) {
                    counts.merge(assessment, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static String assessmentOf(String data) {
        try {
            return JSON.readTree(data).path("assessmentId").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().collect(Collectors.summingLong(Long::longValue));
    }
}
