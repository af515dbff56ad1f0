package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.checkIns;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.aftercare.domain.CheckInReminders;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A check-in is announced once when its window opens, and not before. */
@QuarkusTest
class CheckInRemindersTest {

    private static final Predicate<ConsumerRecord<String, String>> DUE = r -> "aftercare.check-in.due"
            .equals(header(r, "ce_type"));

    @Inject
    CheckInReminders reminders;
    @Inject
    EntityManager entities;

    @Test
    void aCheckInIsAnnouncedOnceItsWindowOpens() {
        UUID patient = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String referral = referralAfterGraduation(patient, today.minusDays(7)).getString("id");
        String week = checkIn(referral, 7);
        String month = checkIn(referral, 30);

        try (TopicWatch topic = TopicWatch.of(Topics.AFTERCARE)) {
            reminders.announceDue(today, Instant.now());
            reminders.announceDue(today, Instant.now());

            JsonNode due = EventRecords.data(topic.awaitRecords(keyed(patient).and(DUE), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.CHECK_IN_DUE, due));
            assertEquals(week, due.get("checkInId").asText());
            assertEquals(today.toString(), due.get("dueOn").asText());
            assertEquals(checkIns(referral).getString("find { it.milestoneDays == 7 }.windowClosesOn"),
                    due.get("windowClosesOn").asText());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(keyed(patient).and(DUE)).size() == 1);

            // The month's check-in, once its window opens.
            LocalDate monthOpens = LocalDate.parse(checkIns(referral)
                    .getString("find { it.milestoneDays == 30 }.windowOpensOn"));
            reminders.announceDue(monthOpens.minusDays(1), Instant.now());
            assertEquals(0, Rows.count(entities, "SELECT count(*) FROM check_in_reminder WHERE check_in_id = ?1",
                    UUID.fromString(month)), "not before its window opens");
            reminders.announceDue(monthOpens, Instant.now());
            List<ConsumerRecord<String, String>> both = topic.awaitRecords(keyed(patient).and(DUE), 2,
                    Duration.ofSeconds(20));
            assertEquals(month, EventRecords.data(both.get(1)).get("checkInId").asText());
        }
    }
}
