package io.cairn.treatmentplan.api;

import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.TopicWatch;
import io.cairn.treatmentplan.TestClock;
import io.cairn.treatmentplan.domain.measures.ReScreenReminders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each active plan's re-screens are announced once each time something new falls due, and only an active plan's. */
@QuarkusTest
class ReScreenRemindersTest {

    private static final Predicate<ConsumerRecord<String, String>> DUE = r -> "treatment-plan.re-screen.due"
            .equals(header(r, "ce_type"));

    @Inject
    TestClock clock;
    @Inject
    ClinicCalendar calendar;
    @Inject
    ReScreenReminders reminders;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void whatFallsDueIsAnnouncedOnceAndANewDueDateAgain() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient); // PHQ-9 and AUDIT taken at the assessment; GAD-7 due from approval
        UUID drafted = UUID.randomUUID();
        draftPlan(drafted);
        LocalDate today = calendar.today();

        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            reminders.announceDue(calendar.today(), calendar.now());
            reminders.announceDue(calendar.today(), calendar.now());
            JsonNode first = EventRecords.data(topic.awaitRecords(keyed(patient).and(DUE), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.RE_SCREEN_DUE, first));
            assertEquals(plan, first.get("planId").asText());
            assertEquals(today.toString(), first.get("dueOn").asText());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(patient).and(DUE)).size() == 1);

            // A week on, nothing answered: PHQ-9 falls due too, and the patient is reminded again.
            clock.advance(Duration.ofDays(7));
            reminders.announceDue(calendar.today(), calendar.now());
            reminders.announceDue(calendar.today(), calendar.now());
            List<ConsumerRecord<String, String>> due = topic.awaitRecords(keyed(patient).and(DUE), 2,
                    Duration.ofSeconds(20));
            assertEquals(today.plusDays(7).toString(), EventRecords.data(due.get(1)).get("dueOn").asText());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(patient).and(DUE)).size() == 2
                            && topic.records(keyed(drafted).and(DUE)).isEmpty());
        }
    }
}
