package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.as;
import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.outcome;
import static io.cairn.aftercare.api.Aftercare.phq9;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A recorded check-in is an event; a PHQ-9 re-screen with item 9 above 0 raises a safety alert, whoever records it. */
@QuarkusTest
class CheckInEventsTest {

    /** PHQ-9 with item 9 answered "several days": thoughts of self-harm, a low total. */
    static final String SELF_HARM_THOUGHTS = "{\"1\":1,\"2\":1,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":1}";

    static TopicWatch aftercareTopic;

    @BeforeAll
    static void watch() {
        aftercareTopic = TopicWatch.of(Topics.AFTERCARE);
    }

    @AfterAll
    static void close() {
        aftercareTopic.close();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aPatientsOwnCheckInWithPhq9Item9RaisesOneAlertWithNoAnswerInIt() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(8)).getString("id");
        String week = checkIn(referral, 7);

        as(Tokens.forPatient(patient)).body(outcome(today(), true, false, SELF_HARM_THOUGHTS, "null"))
                .post("/check-ins/" + week + "/outcome").then().statusCode(200).body("safetyAlert", equalTo(true))
                .body("phq9Band", equalTo("minimal"));

        ConsumerRecord<String, String> alert = aftercareTopic.awaitRecords(ofType(patient,
                "aftercare.safety-alert.raised"), 1, Duration.ofSeconds(15)).get(0);
        JsonNode data = EventRecords.data(alert);
        assertEquals(List.of(), EventSchemas.instance().violations(EventType.AFTERCARE_SAFETY_ALERT, data));
        assertEquals("self-harm-thoughts", data.get("finding").asText());
        assertEquals("PHQ-9", data.get("screener").asText());
        assertEquals(9, data.get("item").asInt());
        assertEquals("check-in", data.get("source").asText());
        assertEquals(week, data.get("sourceId").asText());
        assertFalse(alert.value().contains("answers"), alert.value());

        ConsumerRecord<String, String> recorded = aftercareTopic.awaitRecords(ofType(patient,
                "aftercare.check-in.recorded"), 1, Duration.ofSeconds(15)).get(0);
        JsonNode checkIn = EventRecords.data(recorded);
        assertEquals(List.of(), EventSchemas.instance().violations(EventType.CHECK_IN_RECORDED, checkIn));
        assertEquals(week, checkIn.get("checkInId").asText());
        assertEquals(referral, checkIn.get("aftercareReferralId").asText());
        assertEquals(7, checkIn.get("milestoneDays").asInt());

        // Recorded once: a second submission is refused and raises nothing.
        as(Tokens.forPatient(patient)).body(outcome(today(), true, false, SELF_HARM_THOUGHTS, "null"))
                .post("/check-ins/" + week + "/outcome").then().statusCode(409);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> aftercareTopic.records(ofType(patient, "aftercare.safety-alert.raised")).size() == 1);
    }

    @Test
    void aCheckInWithoutAFindingRaisesNoAlert() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(8)).getString("id");
        String week = checkIn(referral, 7);

        as(CASE_MANAGER).body(outcome(today(), true, false, phq9(20), "null")).post("/check-ins/" + week + "/outcome")
                .then().statusCode(200).body("safetyAlert", equalTo(false));

        aftercareTopic.awaitRecords(ofType(patient, "aftercare.check-in.recorded"), 1, Duration.ofSeconds(15));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> aftercareTopic.records(ofType(patient, "aftercare.safety-alert.raised")).isEmpty());
    }

    private static Predicate<ConsumerRecord<String, String>> ofType(UUID patient, String type) {
        return keyed(patient).and(r -> type.equals(header(r, "ce_type")));
    }
}
