package io.cairn.intake.api;

import static io.cairn.intake.api.ConsentDisclosureTest.accounting;
import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.registerPatient;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The accounting of disclosures is kept from every service's disclosure events, each once. */
@QuarkusTest
class AccountingOfDisclosuresTest {

    @Test
    void disclosuresByEveryServiceReachThePatientsAccountingOnceInTheOrderTheyHappened() {
        UUID patient = registerPatient();
        UUID consent = giveConsent(patient, "ehr-northside", "\"treatment-plans\",\"attendance\",\"aftercare\"");
        Instant first = Instant.now().minus(3, ChronoUnit.MINUTES);
        ProducerRecord<String, String> plan = disclosure(EventType.TREATMENT_PLAN_DISCLOSURE, patient, consent,
                RecordCategory.TREATMENT_PLANS, "CarePlan", first);
        ProducerRecord<String, String> appointment = disclosure(EventType.SCHEDULING_DISCLOSURE, patient, consent,
                RecordCategory.ATTENDANCE, "Appointment", first.plusSeconds(60));
        ProducerRecord<String, String> followUp = disclosure(EventType.AFTERCARE_DISCLOSURE, patient, consent,
                RecordCategory.AFTERCARE, "aftercare-referral", first.plusSeconds(120));

        // Delivered out of order, and twice, as a replay from offset 0 would.
        EventRecords.send(followUp, appointment, plan, plan, followUp);

        await().atMost(Duration.ofSeconds(20)).until(() -> accounting(patient).size() == 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> accounting(patient).size() == 3);
        as(COORDINATOR).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                .body("service", contains("treatment-plan", "scheduling", "aftercare"))
                .body("resourceType", contains("CarePlan", "Appointment", "aftercare-referral"))
                .body("recordCategory", contains("treatment-plans", "attendance", "aftercare"))
                .body("[0].recipient", equalTo("ehr-northside"))
                .body("[0].consentId", equalTo(consent.toString()))
                .body("[0].purpose", equalTo("care-coordination"));

        // The patient reads their own accounting; an EHR client reads none.
        as(Tokens.forPatient(patient)).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                .body("size()", equalTo(3));
        as(Tokens.forEhrClient("ehr-northside")).get("/patients/" + patient + "/disclosures").then().statusCode(403);
    }

    private static ProducerRecord<String, String> disclosure(EventType type, UUID patient, UUID consent,
            RecordCategory category, String resourceType, Instant at) {
        return EventRecords.of(type, new DisclosureRecorded(UUID.randomUUID(), patient, "ehr-northside", category,
                resourceType, UUID.randomUUID().toString(), consent, at));
    }
}
