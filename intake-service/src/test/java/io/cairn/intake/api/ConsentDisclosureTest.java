package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.kit.security.RedisclosureNotice;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** 42 CFR Part 2: an EHR client sees a patient's records only while a consent names it, and each look is counted. */
@QuarkusTest
class ConsentDisclosureTest {

    static final String EHR = "ehr-northside";
    static final String EHR_TOKEN = Tokens.forEhrClient(EHR);

    @Inject
    ObjectMapper json;

    @Test
    void withoutConsentAnEhrClientSeesNothing() {
        UUID patient = registerPatient();
        giveConsent(patient, "ehr-some-other-clinic", "\"demographics\"");

        as(EHR_TOKEN).get("/patients/" + patient).then().statusCode(404);
        as(EHR_TOKEN).queryParam("identifierSystem", "urn:ehr:northside:mrn")
                .queryParam("identifierValue", mrnOf(patient)).get("/patients").then().statusCode(200)
                .body("", hasSize(0)).header("X-Total-Count", "0");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> accounting(patient)
                .isEmpty());
    }

    @Test
    void withConsentItSeesTheConsentedCategoriesAndEveryLookIsAccountedFor() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);
        saveFullAssessment(assessment).statusCode(200);
        UUID consent = giveConsent(patient, EHR, "\"demographics\"");

        // What is disclosed carries the notice against redisclosure (42 CFR § 2.32); what staff read does not.
        as(EHR_TOKEN).get("/patients/" + patient).then().statusCode(200).body("id", equalTo(patient.toString()))
                .header(RedisclosureNotice.HEADER, RedisclosureNotice.NOTICE);
        as(COORDINATOR).get("/patients/" + patient).then().statusCode(200)
                .header(RedisclosureNotice.HEADER, nullValue());
        as(EHR_TOKEN).get("/assessments/" + assessment).then().statusCode(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> accounting(patient).size() == 1);
        as(COORDINATOR).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].recipient", equalTo(EHR))
                .body("[0].service", equalTo("intake"))
                .body("[0].recordCategory", equalTo("demographics"))
                .body("[0].resourceType", equalTo("patient"))
                .body("[0].resourceId", equalTo(patient.toString()))
                .body("[0].consentId", equalTo(consent.toString()))
                .body("[0].purpose", equalTo("care-coordination"));

        giveConsent(patient, EHR, "\"assessments\"");
        as(EHR_TOKEN).get("/assessments/" + assessment).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> accounting(patient).size() == 2);
        as(Tokens.forPatient(patient)).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                .body("resourceType", contains("patient", "assessment"));
    }

    @Test
    void afterRevocationNothingMoreIsDisclosedAndEveryServiceIsTold() throws Exception {
        UUID patient = registerPatient();
        UUID consent = giveConsent(patient, EHR, "\"demographics\",\"assessments\"");
        as(EHR_TOKEN).get("/patients/" + patient).then().statusCode(200);

        as(COORDINATOR).body("{\"reason\":\"patient withdrew consent in writing\"}")
                .post("/consents/" + consent + "/revoke").then().statusCode(200)
                .body("status", equalTo("revoked")).body("activeToday", equalTo(false));

        as(EHR_TOKEN).get("/patients/" + patient).then().statusCode(404);
        as(COORDINATOR).post("/consents/" + consent + "/revoke").then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> accounting(patient).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> accounting(patient).size() == 1);

        try (TopicWatch topic = TopicWatch.of(Topics.INTAKE)) {
            List<ConsumerRecord<String, String>> changes = topic.awaitRecords(
                    keyed(patient).and(r -> "intake.consent.changed".equals(header(r, "ce_type"))), 2,
                    Duration.ofSeconds(15));
            assertEquals(List.of("active", "revoked"),
                    changes.stream().map(r -> read(r).get("status").asText()).toList());
            // The consumers order a consent's changes by its revision, not by intake's clock.
            assertEquals(List.of(1L, 2L), changes.stream().map(r -> read(r).get("revision").asLong()).toList());
            for (ConsumerRecord<String, String> change : changes) {
                assertEquals(List.of(), EventSchemas.instance().violations(EventType.CONSENT_CHANGED, read(change)));
                assertEquals(EHR, read(change).get("recipient").asText());
            }
        }
    }

    @Test
    void aConsentThatHasNotStartedOrHasEndedDisclosesNothing() {
        UUID patient = registerPatient();
        as(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"treatment","recordCategories":["demographics"],
                 "effectiveFrom":"%s"}""".formatted(patient, EHR, java.time.LocalDate.now().plusYears(1))).post("/consents")
                .then().statusCode(201)
                .body("activeToday", equalTo(false));

        as(EHR_TOKEN).get("/patients/" + patient).then().statusCode(404);
    }

    @Test
    void aPatientReadsTheirOwnConsentsOnly() {
        UUID patient = registerPatient();
        giveConsent(patient, EHR, "\"demographics\"");

        as(Tokens.forPatient(patient)).queryParam("patientId", patient).get("/consents").then().statusCode(200)
                .body("", hasSize(1)).body("[0].recipient", equalTo(EHR));
        as(Tokens.forPatient(UUID.randomUUID())).queryParam("patientId", patient).get("/consents").then()
                .statusCode(404);
    }

    static List<Object> accounting(UUID patient) {
        return as(COORDINATOR).get("/patients/" + patient + "/disclosures").then().statusCode(200).extract()
                .jsonPath().getList("");
    }

    private String mrnOf(UUID patient) {
        return as(COORDINATOR).get("/patients/" + patient).then().extract().path("identifiers[0].value");
    }

    private com.fasterxml.jackson.databind.JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
