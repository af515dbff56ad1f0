package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.as;
import static io.cairn.aftercare.api.Aftercare.awaitReferral;
import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.checkIns;
import static io.cairn.aftercare.api.Aftercare.graduated;
import static io.cairn.aftercare.api.Aftercare.outcome;
import static io.cairn.aftercare.api.Aftercare.phq9;
import static io.cairn.aftercare.api.Aftercare.gad7;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static io.cairn.aftercare.api.Aftercare.referralsOf;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.aftercare.domain.CheckIns;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AftercareFlowTest {

    @Inject
    CheckIns checkInService;

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aGraduationDeliveredTwiceOpensOneReferralWithFiveCheckInsOnTheirDates() {
        UUID patient = UUID.randomUUID();
        LocalDate discharged = today().minusDays(2);
        ProducerRecord<String, String> event = EventRecords.of(graduated(patient, discharged));

        try (TopicWatch topic = TopicWatch.of(Topics.AFTERCARE)) {
            EventRecords.send(event, event);
            JsonPath referral = awaitReferral(patient);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> referralsOf(patient).getList("").size() == 1);

            assertEquals(false, referral.getBoolean("outreach"));
            assertEquals(List.of("step-down-therapy", "support-group", "sober-living", "medication-management",
                    "alumni-group"), referral.getList("items.kind"));
            checkIns(referral.getString("id")).getList("dueOn");
            as(CASE_MANAGER).get("/aftercare-referrals/" + referral.getString("id") + "/check-ins").then()
                    .body("milestoneDays", contains(7, 30, 90, 180, 365))
                    .body("dueOn", contains(discharged.plusDays(7).toString(), discharged.plusDays(30).toString(),
                            discharged.plusDays(90).toString(), discharged.plusDays(180).toString(),
                            discharged.plusDays(365).toString()))
                    .body("[0].windowOpensOn", equalTo(discharged.plusDays(1).toString()))
                    .body("[0].windowClosesOn", equalTo(discharged.plusDays(14).toString()));

            JsonNode created = EventRecords.data(topic.awaitRecords(keyed(patient), 1, Duration.ofSeconds(20)).get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.AFTERCARE_REFERRAL_CREATED, created));
            assertEquals(5, created.get("checkInDays").size());
        }
    }

    @Test
    void aDischargeAgainstAdviceOpensOutreachDueWithin72Hours() {
        UUID patient = UUID.randomUUID();
        Instant dischargedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EventRecords.send(EventRecords.of(new PatientDischarged(UUID.randomUUID(), patient,
                DischargeReason.AGAINST_MEDICAL_ADVICE, today(), new AftercareNeeds(List.of(), List.of(), List.of()),
                dischargedAt)));

        JsonPath referral = awaitReferral(patient);
        assertEquals(true, referral.getBoolean("outreach"));
        assertEquals(dischargedAt.plus(72, ChronoUnit.HOURS), Instant.parse(referral.getString("firstContactDueBy")));
        // Why the patient left is the plan's record (treatment-plans): aftercare says its outreach is urgent, not why.
        assertTrue(referral.getList("items.description", String.class).stream()
                .noneMatch(item -> item.contains("medical advice")), referral.prettify());
        io.cairn.testkit.FhirRequests.fhir(CASE_MANAGER).get("/EpisodeOfCare/" + referral.getString("id")).then()
                .statusCode(200).body("type.text", hasItem("Urgent outreach within 72 hours"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("medical advice")));
        as(CASE_MANAGER).get("/aftercare-referrals/" + referral.getString("id") + "/check-ins").then()
                .body("milestoneDays", contains(3, 7, 30, 90, 180, 365))
                .body("[0].dueOn", equalTo(today().plusDays(3).toString()));
        as(CASE_MANAGER).get("/check-ins").then().body("patientId", hasItem(patient.toString()));
    }

    @Test
    void anotherDischargeReasonOpensNoAftercareHere() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new PatientDischarged(UUID.randomUUID(), patient, DischargeReason.MOVED,
                today(), new AftercareNeeds(List.of(), List.of(), List.of()), Instant.now())));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> referralsOf(patient).getList("").isEmpty());
    }

    @Test
    void aRelapseAtACheckInIsReportedOnceAndTheReScreensAreScored() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(8)).getString("id");
        String week = checkIn(referral, 7);

        try (TopicWatch topic = TopicWatch.of(Topics.AFTERCARE)) {
            as(CASE_MANAGER).body(outcome(today(), true, true, phq9(11), gad7(4))).post("/check-ins/" + week
                    + "/outcome").then().statusCode(200).body("status", equalTo("completed"))
                    .body("phq9Score", equalTo(11)).body("phq9Band", equalTo("moderate"))
                    .body("gad7Band", equalTo("minimal"));
            as(CASE_MANAGER).body(outcome(today(), true, true, phq9(11), gad7(4))).post("/check-ins/" + week
                    + "/outcome").then().statusCode(409);

            List<ConsumerRecord<String, String>> relapses = topic.awaitRecords(keyed(patient)
                    .and(r -> "aftercare.relapse.reported".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> topic.records(
                    keyed(patient).and(r -> "aftercare.relapse.reported".equals(EventRecords.type(r)))).size() == 1);
            JsonNode relapse = EventRecords.data(relapses.get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.RELAPSE_REPORTED, relapse));
            assertEquals(week, relapse.get("checkInId").asText());
        }
    }

    @Test
    void aPatientSubmitsTheirOwnCheckInAndNoOneElses() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(8)).getString("id");
        String week = checkIn(referral, 7);

        as(Tokens.forPatient(UUID.randomUUID())).body(outcome(today(), true, false, "null", "null"))
                .post("/check-ins/" + week + "/outcome").then().statusCode(404);
        as(Tokens.forPatient(patient)).body(outcome(today(), true, false, phq9(3), "null"))
                .post("/check-ins/" + week + "/outcome").then().statusCode(200)
                .body("submittedByPatient", equalTo(true)).body("phq9Band", equalTo("minimal"));
    }

    @Test
    void aCheckInNotDoneByTheEndOfItsWindowIsMarkedMissedOnce() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(30)).getString("id");

        checkInService.markMissed(today());
        checkInService.markMissed(today());

        as(CASE_MANAGER).get("/aftercare-referrals/" + referral + "/check-ins").then()
                .body("status", contains("missed", "scheduled", "scheduled", "scheduled", "scheduled"));
        as(CASE_MANAGER).body(outcome(today(), true, false, "null", "null")).post("/check-ins/"
                + checkIn(referral, 30) + "/outcome").then().statusCode(200);
    }

    @Test
    void anEhrClientReadsAftercareOnlyUnderAConsentForIt() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(3)).getString("id");
        String ehr = Tokens.forEhrClient("ehr-northside");
        as(ehr).get("/aftercare-referrals/" + referral).then().statusCode(404);

        EventRecords.send(EventRecords.of(new ConsentChanged(UUID.randomUUID(), patient, "ehr-northside",
                ConsentPurpose.TREATMENT, List.of(RecordCategory.AFTERCARE), ConsentStatus.ACTIVE, today(), null,
                Instant.now(), 1L)));

        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/aftercare-referrals/" + referral)
                .statusCode() == 200);
    }

    @Test
    void invalidCheckInsAre400AndRecordNothing() {
        UUID patient = UUID.randomUUID();
        String referral = referralAfterGraduation(patient, today().minusDays(8)).getString("id");
        String week = checkIn(referral, 7);

        as(CASE_MANAGER).body(outcome(today(), true, false, "{\"1\":4}", "null")).post("/check-ins/" + week
                + "/outcome").then().statusCode(400).body("violations.field", hasItem("phq9Answers.1"));
        as(CASE_MANAGER).body(outcome(today().minusDays(30), true, false, "null", "null")).post("/check-ins/" + week
                + "/outcome").then().statusCode(400).body("violations[0].field", equalTo("contactedOn"));
        as(CASE_MANAGER).body("{\"reached\":\"maybe\",\"relapse\":false}").post("/check-ins/" + week + "/outcome")
                .then().statusCode(400).body("violations[0].field", equalTo("reached"));
        as(CASE_MANAGER).body("{\"reached\":true}").post("/check-ins/" + week + "/outcome").then().statusCode(400)
                .body("violations[0].field", equalTo("relapse"));
        as(CASE_MANAGER).body("{\"reached\":").post("/check-ins/" + week + "/outcome").then().statusCode(400)
                .body("type", equalTo("https://cairn.io/problems/malformed-request"));
        as(CASE_MANAGER).body(outcome(today(), true, false, "null", "null").replace("\"stable\"",
                "\"" + "x".repeat(201) + "\"")).post("/check-ins/" + week + "/outcome").then().statusCode(400)
                .body("violations[0].field", equalTo("housing"));
        String director = Tokens.forRole(io.cairn.contracts.Roles.PROGRAM_DIRECTOR);
        as(director).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/outcomes").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as(director).queryParam("from", "last week").queryParam("to", "2026-01-01").get("/outcomes").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as(CASE_MANAGER).get("/aftercare-referrals/" + referral + "/check-ins").then()
                .body("[0].status", equalTo("scheduled"));
    }
}
