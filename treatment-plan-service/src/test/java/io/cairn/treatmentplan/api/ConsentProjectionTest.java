package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 42 CFR Part 2 in treatment-plan: consents arrive from intake; EHR reads follow them and are accounted for. */
@QuarkusTest
class ConsentProjectionTest {

    static final String EHR = "ehr-northside";

    @Inject
    EntityManager entities;

    @Test
    void anEhrClientReadsAPlanOnlyWhileAConsentForPlansNamesIt() {
        UUID patient = UUID.randomUUID();
        String plan = draftPlan(patient).getString("id");
        String ehr = Tokens.forEhrClient(EHR);
        UUID consent = UUID.randomUUID();
        Instant given = Instant.now();

        as(ehr).get("/treatment-plans/" + plan).then().statusCode(404);

        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.DEMOGRAPHICS),
                ConsentStatus.ACTIVE, given)));
        await().atMost(Duration.ofSeconds(20)).until(() -> projected(consent));
        as(ehr).get("/treatment-plans/" + plan).then().statusCode(404);

        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.ACTIVE, given.plusSeconds(1))));
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

        // A revocation, then a late redelivery of the older grant: the revocation stands.
        EventRecords.send(EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                ConsentStatus.REVOKED, given.plusSeconds(2))),
                EventRecords.of(change(consent, patient, List.of(RecordCategory.TREATMENT_PLANS),
                        ConsentStatus.ACTIVE, given.plusSeconds(1))));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> as(ehr).get("/treatment-plans/" + plan).statusCode() == 404);
        as(CLINICIAN).get("/treatment-plans/" + plan).then().statusCode(200);
    }

    private static ConsentChanged change(UUID consent, UUID patient, List<RecordCategory> categories,
            ConsentStatus status, Instant at) {
        return new ConsentChanged(consent, patient, EHR, ConsentPurpose.CARE_COORDINATION, categories, status,
                LocalDate.now().minusDays(1), null, at);
    }

    private boolean projected(UUID consent) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from consent_projection where consent_id = ?1").setParameter(1, consent)
                .getSingleResult()).longValue() == 1);
    }

    private long disclosures(UUID patient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from audit_event where patient_id = ?1 and action = 'disclose'")
                .setParameter(1, patient).getSingleResult()).longValue());
    }
}
