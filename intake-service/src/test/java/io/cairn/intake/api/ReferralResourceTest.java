package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.receiveReferral;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralResourceTest {

    static TopicWatch intakeTopic;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void watch() {
        intakeTopic = TopicWatch.of(Topics.INTAKE);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    @Test
    void aReceivedReferralIsPublishedOnceAsReferralReceived() throws Exception {
        UUID patient = registerPatient();

        UUID referral = receiveReferral(patient);

        List<ConsumerRecord<String, String>> events = intakeTopic.awaitRecords(
                keyed(patient).and(r -> "intake.referral.received".equals(header(r, "ce_type"))), 1,
                Duration.ofSeconds(15));
        assertEquals(1, events.size());
        JsonNode data = json.readTree(events.get(0).value());
        assertEquals(List.of(), EventSchemas.instance().violations(EventType.REFERRAL_RECEIVED, data));
        assertEquals(referral.toString(), data.get("referralId").asText());
        assertEquals("physician", data.get("source").asText());
        assertEquals(false, data.get("urgent").asBoolean());
    }

    @Test
    void aReferralMovesAlongItsPipelineAndKeepsWhoMovedItWhen() {
        UUID referral = receiveReferral(registerPatient());

        move(referral, "screening").statusCode(200).body("status", equalTo("screening"));
        move(referral, "assessment-scheduled").statusCode(200);
        move(referral, "admitted").statusCode(200).body("status", equalTo("admitted"))
                .body("history.to", contains("received", "screening", "assessment-scheduled", "admitted"))
                .body("history[1].from", equalTo("received"))
                .body("history[1].changedBy", equalTo("intake-coordinator-user"))
                .body("history[3].note", equalTo("moving to admitted"));
    }

    @Test
    void anIllegalStepIs409AndChangesNothing() {
        UUID referral = receiveReferral(registerPatient());

        move(referral, "admitted").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A received referral cannot become admitted"));
        move(referral, "declined").statusCode(200);
        move(referral, "screening").statusCode(409);

        as(COORDINATOR).get("/referrals/" + referral).then().body("status", equalTo("declined"))
                .body("history.to", contains("received", "declined"));
    }

    @Test
    void referralsAreListedByPatientAndStatus() {
        UUID patient = registerPatient();
        UUID first = receiveReferral(patient);
        receiveReferral(patient);
        move(first, "screening");

        as(COORDINATOR).queryParam("patientId", patient).get("/referrals").then().statusCode(200)
                .header("X-Total-Count", "2").body("", hasSize(2)).header("Link", nullValue());
        as(COORDINATOR).queryParam("patientId", patient).queryParam("status", "screening").get("/referrals").then()
                .header("X-Total-Count", "1").body("[0].id", equalTo(first.toString()));
        // The list shape of every list: a window, and a Link to the next one while there is one.
        as(COORDINATOR).queryParam("patientId", patient).queryParam("size", 1).get("/referrals").then()
                .header("X-Total-Count", "2").body("", hasSize(1)).header("Link", containsString("page=1"));
        as(COORDINATOR).queryParam("patientId", patient).queryParam("size", 501).get("/referrals").then()
                .statusCode(400);
    }

    @Test
    void relapseReferralsAreThePlatformsToOpen() {
        as(COORDINATOR).body("""
                {"patientId":"%s","source":"aftercare-relapse","reason":"relapse","urgency":"urgent"}"""
                .formatted(registerPatient())).post("/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("source"));
    }

    @Test
    void aReferralForAnUnknownPatientIs404() {
        as(COORDINATOR).body("""
                {"patientId":"%s","source":"self","reason":"wants help","urgency":"routine"}"""
                .formatted(UUID.randomUUID())).post("/referrals").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse move(UUID referral, String to) {
        return as(COORDINATOR).body("{\"to\":\"" + to + "\",\"note\":\"moving to " + to + "\"}")
                .post("/referrals/" + referral + "/transitions").then();
    }

    /**
     * An EHR refers a patient it knows by its own identifier system, or one whose consent names it; any other patient
     * is answered as one that does not exist, and nothing is stored.
     */
    @Test
    void anEhrRefersOnlyAPatientItRegisteredOrWhoseConsentNamesIt() {
        String ehr = io.cairn.testkit.Tokens.forEhrClient("ehr-northside");
        String referral = """
                {"patientId":"%s","source":"ehr","reason":"step-down","urgency":"routine"}""";
        UUID elsewhere = UUID.fromString(as(COORDINATOR).body(Intake.patientJson("Southside", "S-" + UUID.randomUUID())
                .replace("urn:ehr:northside:mrn", "urn:ehr:southside:mrn")).post("/patients").then().statusCode(201)
                .extract().path("id"));
        UUID nobody = UUID.randomUUID();

        String refused = as(ehr).body(referral.formatted(elsewhere)).post("/referrals").then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        String missing = as(ehr).body(referral.formatted(nobody)).post("/referrals").then().statusCode(404)
                .extract().path("detail");
        assertEquals(missing.replace(nobody.toString(), "ID"), refused.replace(elsewhere.toString(), "ID"));
        as(COORDINATOR).queryParam("patientId", elsewhere).get("/referrals").then().statusCode(200)
                .body("", hasSize(0));

        UUID registered = registerPatient();
        as(ehr).body(referral.formatted(registered)).post("/referrals").then().statusCode(201);

        Intake.giveConsent(elsewhere, "ehr-northside", "\"demographics\"");
        as(ehr).body(referral.formatted(elsewhere)).post("/referrals").then().statusCode(201);
        as(COORDINATOR).queryParam("patientId", elsewhere).get("/referrals").then().statusCode(200)
                .body("", hasSize(1));
    }
}
