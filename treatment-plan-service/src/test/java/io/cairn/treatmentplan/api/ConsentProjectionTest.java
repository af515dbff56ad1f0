package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.kit.consent.ConsentPositions;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** 42 CFR Part 2 in treatment-plan: consents arrive from intake; EHR reads follow them and are accounted for. */
@QuarkusTest
class ConsentProjectionTest {

    static final String EHR = "ehr-northside";

    @Inject
    EntityManager entities;

    @Inject
    @Identifier(ConsentPositions.NAME)
    KafkaConsumerRebalanceListener positions;

    @Test
    void anEhrClientReadsAPlanOnlyWhileAConsentForPlansNamesIt() {
        UUID patient = UUID.randomUUID();
        String plan = draftPlan(patient).getString("id");
        String ehr = Tokens.forEhrClient(EHR);
        UUID consent = UUID.randomUUID();
        Instant given = Instant.now();

        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);

        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.DEMOGRAPHICS),
                ConsentStatus.ACTIVE, given, 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> projected(consent));
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(404);

        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, given.plusSeconds(1), 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 200);
        assertEquals(1L, disclosures(patient));

        // The disclosure is an event too, for the patient's accounting that intake keeps: it names the consent.
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            List<ConsumerRecord<String, String>> disclosed = topic.awaitRecords(TopicWatch.keyed(patient).and(
                    r -> "treatment-plan.disclosure.recorded".equals(EventRecords.type(r))), 1, Duration.ofSeconds(15));
            assertEquals(1, disclosed.size());
            JsonNode data = EventRecords.data(disclosed.get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.TREATMENT_PLAN_DISCLOSURE, data));
            assertEquals(consent.toString(), data.get("consentId").asText());
            assertEquals(EHR, data.get("recipient").asText());
            assertEquals("treatment-plans", data.get("recordCategory").asText());
            assertEquals(plan, data.get("resourceId").asText());
        }

        // A revocation from an intake replica whose clock is an hour behind, then a late redelivery of the grant: the
        // revision orders them, not the time, and the revocation stands.
        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.REVOKED, given.minusSeconds(3600), 3)),
                EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                        ConsentStatus.ACTIVE, given.plusSeconds(1), 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);
    }

    /** The weekly hours hold the plan's target and the hours attended: the EHR needs a consent for both kinds. */
    @Test
    void theWeeklyHoursAreReleasedUnderAttendanceAsWellAsThePlan() {
        UUID patient = UUID.randomUUID();
        String ehr = Tokens.forEhrClient(EHR);
        String plan = planReadableBy(ehr, patient);
        as(ehr).get("/treatment-plans/" + plan + "/weekly-hours").then().statusCode(404);

        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient, List.of(RecordCategory.ATTENDANCE),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan + "/weekly-hours")
                .statusCode() == 200);
        assertEquals(1L, count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose' "
                + "and resource_type = 'weekly-hours'", patient));
    }

    @Test
    void measuresAreReleasedUnderAssessmentsAndTheirDueListUnderThePlanAsWell() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // AUDIT and PHQ-9 at assessment: two measures
        String ehr = Tokens.forEhrClient(EHR);
        as(ehr).get("/patients/" + patient + "/measures").then().statusCode(404);

        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient, List.of(RecordCategory.ASSESSMENTS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/patients/" + patient + "/measures")
                .statusCode() == 200);
        assertEquals(2L, count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose' "
                + "and resource_type = 'measure'", patient), "each measure answered is a disclosure");
        // The due list tells the plan's schedule (its problems, its approval): not under assessments alone.
        as(ehr).get("/patients/" + patient + "/measures/due").then().statusCode(404);

        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/patients/" + patient + "/measures/due")
                .statusCode() == 200);
        assertEquals(1L, count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose' "
                + "and resource_type = 'treatment-plan'", patient));
    }

    @Test
    void aReviewShowsAnEhrItsMeasuresOnlyUnderAssessmentsToo() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient); // AUDIT and PHQ-9 at assessment: two measures
        as(CLINICIAN).body("""
                {"heldOn":"%s","objectiveProgress":[],"summary":"Reviewed"}""".formatted(LocalDate.now(
                java.time.ZoneOffset.UTC))).post("/treatment-plans/" + plan + "/reviews").then().statusCode(201);
        String ehr = Tokens.forEhrClient(EHR);
        UUID consent = UUID.randomUUID();
        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan + "/reviews")
                .statusCode() == 200);
        as(ehr).get("/treatment-plans/" + plan + "/reviews").then().body("[0].measures", nullValue());
        assertEquals(0L, count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose' "
                + "and resource_type = 'measure'", patient));

        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS,
                RecordCategory.ASSESSMENTS), ConsentStatus.ACTIVE, Instant.now(), 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan + "/reviews")
                .jsonPath().getList("[0].measures") != null);
        assertEquals(2L, count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose' "
                + "and resource_type = 'measure'", patient), "each measure shown is a disclosure");
    }

    @Test
    void aValueANewerIntakeAddedToAnEnumIsReadClosedNotParked() {
        UUID patient = UUID.randomUUID();
        String plan = draftPlan(patient).getString("id");
        String ehr = Tokens.forEhrClient(EHR);
        UUID consent = UUID.randomUUID();

        // A category this service does not know releases nothing, and does not cost it the ones it knows.
        ProducerRecord<String, String> given = withData(change(consent, patient,
                List.of(RecordCategory.TREATMENT_PLANS), ConsentStatus.ACTIVE, Instant.now(), 1),
                data -> data.putArray("recordCategories").add("treatment-plans").add("genomics"));
        EventRecords.send(given);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 200);

        // A status it does not know is not active.
        ProducerRecord<String, String> suspended = withData(change(consent, patient,
                List.of(RecordCategory.TREATMENT_PLANS), ConsentStatus.ACTIVE, Instant.now(), 2),
                data -> data.put("status", "suspended-by-court-order"));
        EventRecords.send(suspended);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);
        assertEquals(2L, applied(List.of(EventRecords.eventId(given), EventRecords.eventId(suspended))));
        assertEquals(0L, holds(patient));
    }

    @Test
    void aConsentChangeThatCannotBeAppliedHoldsThePatientFromEveryEhrUntilItIs() {
        UUID patient = UUID.randomUUID();
        String ehr = Tokens.forEhrClient(EHR);
        String plan = planReadableBy(ehr, patient);

        // A change of the patient's consents that cannot be read: it may have been the revocation of that consent.
        ConsentChanged revocation = change(UUID.randomUUID(), patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.REVOKED, Instant.now(), 2);
        ProducerRecord<String, String> unreadable = withData(revocation, data -> data.remove("consentId"));
        EventRecords.send(unreadable);
        await().atMost(Duration.ofSeconds(20)).until(() -> holds(patient) == 1);
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(404);
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);

        // Replayed from the dead-letter topic once it is readable, it is applied and the hold ends.
        ProducerRecord<String, String> replayed = EventRecords.of(revocation);
        replayed.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID,
                EventRecords.eventId(unreadable).toString().getBytes(StandardCharsets.UTF_8));
        EventRecords.send(replayed);
        await().atMost(Duration.ofSeconds(20)).until(() -> holds(patient) == 0);
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(200);
    }

    /**
     * A plan holds fields of two other categories: the screener results its problems were drafted from (assessments)
     * and why it was flagged for review (hours attended, attendance). A consent for plans alone releases neither.
     */
    @Test
    void aPlanShowsAnEhrTheScreeningsAndAttendanceInItOnlyUnderTheirOwnCategories() {
        UUID patient = UUID.randomUUID();
        String ehr = Tokens.forEhrClient(EHR);
        String plan = activePlan(patient);
        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 200);
        EventRecords.send(EventRecords.of(new EngagementAlert(patient, EngagementRisk.MISSED_SESSIONS, "2026-W48",
                new BigDecimal("5"), new BigDecimal("9"), 2, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + plan).jsonPath()
                .getString("reviewFlagReason") != null);
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200)
                .body("problems.description", hasItem("Alcohol use"))
                .body("problems.screening", hasItem("AUDIT 19, zone-3-harmful"));

        long before = disclosures(patient);
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(200)
                .body("problems.description", hasItem("Alcohol use"))
                .body("problems.screening", everyItem(nullValue()))
                .body("flaggedForReview", equalTo(false)).body("reviewFlagReason", nullValue());
        as(ehr).get("/treatment-plans/" + plan + "/versions").then().statusCode(200)
                .body("content.problems.flatten().screening", everyItem(nullValue()));
        as(ehr).queryParam("patientId", patient).get("/treatment-plans").then().statusCode(200)
                .body("[0].problems.screening", everyItem(nullValue())).body("[0].reviewFlagReason", nullValue());
        assertEquals(before + 3, disclosures(patient), "one disclosure of the plan each, under treatment-plans only");

        // With assessments and attendance released too, each read discloses under those as well.
        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient,
                List.of(RecordCategory.ASSESSMENTS, RecordCategory.ATTENDANCE), ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).jsonPath()
                .getList("problems.screening").contains("AUDIT 19, zone-3-harmful"));
        long released = disclosures(patient);
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(200)
                .body("problems.screening", hasItem("AUDIT 19, zone-3-harmful"))
                .body("flaggedForReview", equalTo(true))
                .body("reviewFlagReason", startsWith("Engagement alert for 2026-W48"));
        assertEquals(released + 3, disclosures(patient), "the plan under treatment-plans, assessments, attendance");
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            java.util.function.Supplier<List<String>> categories = () -> topic.records(TopicWatch.keyed(patient).and(
                    r -> "treatment-plan.disclosure.recorded".equals(EventRecords.type(r)))).stream()
                    .map(r -> EventRecords.data(r).get("recordCategory").asText()).distinct().sorted().toList();
            await().atMost(Duration.ofSeconds(15)).until(() -> categories.get().size() == 3);
            assertEquals(List.of("assessments", "attendance", "treatment-plans"), categories.get());
        }
    }

    /** A search discloses the records it answers: one that answers none is in no patient's accounting. */
    @Test
    void aSearchThatAnswersNothingDisclosesNothing() {
        UUID patient = UUID.randomUUID();
        UUID consent = UUID.randomUUID();
        String ehr = Tokens.forEhrClient(EHR);
        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> projected(consent));

        as(ehr).basePath("/fhir/r4").accept("application/fhir+json").get("/CarePlan?patient=Patient/" + patient)
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        as(ehr).get("/treatment-plans?patientId=" + patient).then().statusCode(200);
        assertEquals(0L, disclosures(patient));

        // Without the consent, the same searches are refused as if the patient were unknown, and that is audited.
        String other = UUID.randomUUID().toString();
        as(ehr).basePath("/fhir/r4").accept("application/fhir+json").get("/CarePlan?patient=Patient/" + other)
                .then().statusCode(404);
        assertEquals(1L, count("select count(*) from audit_event where patient_id = ?1 and outcome = 'DENIED'",
                UUID.fromString(other)));
    }

    /**
     * This database restored to a moment before the consumer's committed offsets (or an offset reset past records that
     * aged out of the topic): the records in between, any of which may have been a revocation, are never heard.
     */
    @Test
    void recordsSkippedUnreadHoldEveryPatientFromEhrsUntilAnOperatorSettlesIt() {
        UUID patient = UUID.randomUUID();
        String ehr = Tokens.forEhrClient(EHR);
        String plan = planReadableBy(ehr, patient);

        Map<Integer, Long> rewound = QuarkusTransaction.requiringNew().call(() -> {
            entities.createNativeQuery("update consent_position set next_offset = next_offset - 1").executeUpdate();
            List<?> rows = entities.createNativeQuery("select partition, next_offset from consent_position")
                    .getResultList();
            return rows.stream().map(Object[].class::cast).collect(Collectors.toMap(
                    row -> ((Number) row[0]).intValue(), row -> ((Number) row[1]).longValue()));
        });
        assertFalse(rewound.isEmpty());
        try {
            // Every partition's next poll starts a record beyond where this database had got to.
            awaitPolledPast(rewound);
            assertEquals(rewound.size(), count("select count(*) from consent_hold where reason = 'skipped' "
                    + "and patient_id is null and event_id is null and consumer = ?1", "treatment-plan-intake"));
            as(ehr).get("/treatment-plans/" + plan).then().statusCode(404);
            as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);
        } finally {
            // The operator, once the patients' consents are checked at intake; again once every rewound partition
            // has been polled, so that no later test finds everyone held.
            releaseSkippedHolds();
            awaitPolledPast(rewound);
            releaseSkippedHolds();
        }
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(200);
    }

    /** Waits until each partition's reading has moved past the position given. */
    private void awaitPolledPast(Map<Integer, Long> positions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.entrySet().stream().allMatch(partition -> count(
                "select count(*) from consent_position where partition = ?1 and next_offset > " + partition.getValue(),
                partition.getKey()) == 1));
    }

    private void releaseSkippedHolds() {
        QuarkusTransaction.requiringNew().run(() -> entities
                .createNativeQuery("delete from consent_hold where reason = 'skipped'").executeUpdate());
    }

    /**
     * A partition given to this service is read from where its database's copy had got to when the group's committed
     * offset is beyond it (a restored database, a replica of a release that kept no position): the records between
     * are read again rather than held as skipped.
     */
    @Test
    void aPartitionIsReadFromWhereTheConsentCopyHadGotToWhenTheCommittedOffsetIsBeyondIt() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "positions-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(Topics.INTAKE, 0);
            consumer.assign(List.of(partition));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("select count(*) from consent_position where partition = ?1", 0) == 1);
            long kept = count("select next_offset from consent_position where partition = ?1", 0);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            // As if another replica had committed far beyond what this database holds.
            consumer.seek(partition, end + 1000);

            positions.onPartitionsAssigned(consumer, List.of(partition));

            long position = consumer.position(partition);
            assertTrue(position >= kept && position < end + 1000, kept + " <= " + position + " < " + (end + 1000));
        }
    }

    /** A drafted plan of the patient, once a consent for plans lets the EHR read it. */
    private static String planReadableBy(String ehr, UUID patient) {
        String plan = draftPlan(patient).getString("id");
        EventRecords.send(EventRecords.of(change(UUID.randomUUID(), patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 200);
        return plan;
    }

    static ConsentChanged change(UUID consent, UUID patient, List<RecordCategory> categories, ConsentStatus status,
            Instant at, long revision) {
        return new ConsentChanged(consent, patient, EHR, ConsentPurpose.CARE_COORDINATION, categories, status,
                LocalDate.now().minusDays(1), null, at, revision);
    }

    /** The change's record with its data edited, as a newer or broken producer would write it. */
    private static ProducerRecord<String, String> withData(ConsentChanged change,
            java.util.function.Consumer<ObjectNode> edit) {
        ProducerRecord<String, String> record = EventRecords.of(change);
        ObjectNode data = EventRecords.JSON.valueToTree(change);
        edit.accept(data);
        return new ProducerRecord<>(record.topic(), null, record.key(), data.toString(), record.headers());
    }

    private boolean projected(UUID consent) {
        return count("select count(*) from consent_projection where consent_id = ?1", consent) == 1;
    }

    private long disclosures(UUID patient) {
        return count("select count(*) from audit_event where patient_id = ?1 and action = 'disclose'", patient);
    }

    private long holds(UUID patient) {
        return count("select count(*) from consent_hold where patient_id = ?1", patient);
    }

    private long applied(List<UUID> events) {
        return count("select count(*) from inbox_event where event_id = any (?1)", events.toArray(UUID[]::new));
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
