package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.CLINICIAN;
import static io.cairn.intake.api.Intake.IOP_RATINGS;
import static io.cairn.intake.api.Intake.NO_SUICIDE_RISK;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.fullAssessment;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A safety finding reaches the care team the moment it is saved, once per finding, and carries no answer. */
@QuarkusTest
class SafetyAlertTest {

    /** C-SSRS: intent (item 4) and suicidal behavior within the past 3 months (item 6). */
    static final String INTENT_AND_RECENT_BEHAVIOR = "{\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":0,\"6\":2}";

    static TopicWatch intakeTopic;

    @Inject
    EntityManager entities;

    @BeforeAll
    static void watch() {
        intakeTopic = TopicWatch.of(Topics.INTAKE);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    @Test
    void aSavedAssessmentRaisesOneAlertPerFindingAndSavingOrCompletingAgainRaisesNothingNew() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);

        as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS, 1, INTENT_AND_RECENT_BEHAVIOR))
                .put("/assessments/" + assessment).then().statusCode(200);

        List<ConsumerRecord<String, String>> alerts = intakeTopic.awaitRecords(alertsFor(patient), 3,
                Duration.ofSeconds(15));
        Set<String> findings = alerts.stream().map(r -> EventRecords.data(r).get("finding").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("self-harm-thoughts", "suicidal-intent", "suicidal-behavior-within-3-months"), findings);
        for (ConsumerRecord<String, String> record : alerts) {
            JsonNode data = EventRecords.data(record);
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.INTAKE_SAFETY_ALERT, data));
            assertEquals("assessment", data.get("source").asText());
            assertEquals(assessment.toString(), data.get("sourceId").asText());
            assertEquals(patient.toString(), header(record, "ce_subject"));
        }
        JsonNode selfHarm = alerts.stream().map(EventRecords::data)
                .filter(d -> d.get("finding").asText().equals("self-harm-thoughts")).findFirst().orElseThrow();
        assertEquals("PHQ-9", selfHarm.get("screener").asText());
        assertEquals(9, selfHarm.get("item").asInt());
        // Names the finding and the item, never an answer or the item's wording.
        assertEquals(Set.of("alertId", "patientId", "finding", "screener", "item", "source", "sourceId", "raisedAt"),
                fieldNames(selfHarm));
        assertFalse(alerts.get(0).value().contains("better off dead"));

        // The same answers again, then a C-SSRS without the recent behavior, then completion: nothing new.
        int version = as(CLINICIAN).body(fullAssessment(1, IOP_RATINGS, 1, INTENT_AND_RECENT_BEHAVIOR))
                .put("/assessments/" + assessment).then().statusCode(200).extract().path("version");
        as(CLINICIAN).body(fullAssessment(version, IOP_RATINGS, 2, "{\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":0,\"6\":0}"))
                .put("/assessments/" + assessment).then().statusCode(200);
        as(CLINICIAN).body("{\"levelOfCare\":\"2.5\",\"reason\":\"Safety plan in place; daily contact\"}")
                .post("/assessments/" + assessment + "/level-of-care").then().statusCode(200);
        as(CLINICIAN).post("/assessments/" + assessment + "/complete").then().statusCode(200);
        intakeTopic.awaitRecords(keyed(patient).and(r -> "intake.assessment.completed".equals(header(r, "ce_type"))),
                1, Duration.ofSeconds(15));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> intakeTopic.records(alertsFor(patient)).size() == 3);
        assertEquals(3L, Rows.count(entities, "SELECT count(*) FROM safety_alert WHERE assessment_id = ?1", assessment));
    }

    @Test
    void aFindingAddedLaterIsRaisedWhenItIsSaved() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);

        as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS, 0, NO_SUICIDE_RISK)).put("/assessments/" + assessment)
                .then().statusCode(200);
        as(CLINICIAN).body(fullAssessment(1, IOP_RATINGS, 0, "{\"1\":0,\"2\":1,\"3\":1,\"4\":0,\"5\":1,\"6\":0}"))
                .put("/assessments/" + assessment).then().statusCode(200);

        List<ConsumerRecord<String, String>> alerts = intakeTopic.awaitRecords(alertsFor(patient), 1,
                Duration.ofSeconds(15));
        assertEquals("suicidal-plan", EventRecords.data(alerts.get(0)).get("finding").asText());
        assertEquals(5, EventRecords.data(alerts.get(0)).get("item").asInt());
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> intakeTopic.records(alertsFor(patient)).size() == 1);
    }

    @Test
    void answersWithoutAFindingRaiseNothing() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);

        as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS, 0, "{\"1\":1,\"2\":1,\"3\":1,\"4\":0,\"5\":0,\"6\":1}"))
                .put("/assessments/" + assessment).then().statusCode(200);

        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> intakeTopic.records(alertsFor(patient)).isEmpty());
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM safety_alert WHERE assessment_id = ?1", assessment));
    }

    private static Set<String> fieldNames(JsonNode data) {
        Set<String> names = new java.util.HashSet<>();
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Predicate<ConsumerRecord<String, String>> alertsFor(UUID patient) {
        return keyed(patient).and(r -> "intake.safety-alert.raised".equals(header(r, "ce_type")));
    }
}
