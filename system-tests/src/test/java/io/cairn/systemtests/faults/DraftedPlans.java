package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/** Counts, in the database and on the topics, what became of a load's completed assessments. */
public final class DraftedPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param completed assessments completed through the API
     * @param completedEvents {@code intake.assessment.completed} records of those assessments on the topic
     * @param plans plans in treatment-plan's database for those assessments
     * @param assessmentsWithPlan distinct assessments that have a plan
     * @param draftedRecords {@code treatment-plan.plan.drafted} records of those assessments on the topic
     * @param draftedEvents distinct event ids among those records: delivery is at least once, so a record the relay
     *        re-sent (the broker took it but its acknowledgement was lost) carries the same id and consumers absorb it
     * @param assessmentsWithDraftedEvent distinct assessments with such a record
     */
    public record Figures(int completed, long completedEvents, long plans, long assessmentsWithPlan,
            long draftedRecords, long draftedEvents, long assessmentsWithDraftedEvent) {

        public long lost() {
            return completed - assessmentsWithPlan;
        }

        public long duplicated() {
            return plans - assessmentsWithPlan;
        }

        @Override
        public String toString() {
            return "assessments completed=%d, completed events on the topic=%d (re-sent by the relay: %d, absorbed by the inbox), plans drafted=%d, lost=%d, duplicated=%d, drafted events=%d (for %d assessments; records on the topic=%d, re-sent by the relay: %d)"
                    .formatted(completed, completedEvents, completedEvents - completed, assessmentsWithPlan, lost(),
                            duplicated(), draftedEvents, assessmentsWithDraftedEvent, draftedRecords,
                            draftedRecords - draftedEvents);
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
        List<EventLog.Event> completedEvents = ofAssessments(Topics.INTAKE, "intake.assessment.completed", wanted);
        List<EventLog.Event> draftedEvents = ofAssessments(Topics.TREATMENT_PLAN, "treatment-plan.plan.drafted",
                wanted);
        return new Figures(completed.size(), completedEvents.size(), plans, withPlan, draftedEvents.size(),
                draftedEvents.stream().map(EventLog.Event::id).distinct().count(),
                draftedEvents.stream().map(e -> assessmentOf(e.value())).distinct().count());
    }

    /** The records of this type on the topic that are about one of the wanted assessments. */
    private static List<EventLog.Event> ofAssessments(String topic, String type, Set<String> wanted) {
        return EventLog.read(topic).stream()
                .filter(event -> type.equals(event.type()) && wanted.contains(assessmentOf(event.value())))
                .toList();
    }

    private static String assessmentOf(String data) {
        try {
            return JSON.readTree(data).path("assessmentId").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
