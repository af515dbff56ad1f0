package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.CLINICIAN;
import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.IOP_RATINGS;
import static io.cairn.intake.api.Intake.NO_SUICIDE_RISK;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.fullAssessment;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentFlowTest {

    static final String HIGH_SUICIDE_RISK = "{\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":0,\"6\":0}";

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
    void savingScoresEveryScreenerAndRecommendsALevelOfCare() {
        UUID assessment = startAssessment(registerPatient());

        saveFullAssessment(assessment).statusCode(200)
                .body("screeners.find { it.screener == 'PHQ-9' }.score", equalTo(12))
                .body("screeners.find { it.screener == 'PHQ-9' }.band", equalTo("moderate"))
                .body("screeners.find { it.screener == 'AUDIT' }.score", equalTo(19))
                .body("screeners.find { it.screener == 'AUDIT' }.band", equalTo("zone-3-harmful"))
                .body("screeners.find { it.screener == 'AUDIT' }.findings", hasItem("audit-c-positive"))
                .body("screeners.find { it.screener == 'DAST-10' }.score", equalTo(0))
                .body("screeners.find { it.screener == 'C-SSRS' }.band", equalTo("none"))
                .body("safetyAlert", equalTo(false))
                .body("recommendedLevelOfCare", equalTo("2.1"))
                .body("version", equalTo(1));
    }

    @Test
    void phq9Item9AndHighSuicideRiskRaiseASafetyAlertAndNeverYieldIop() {
        UUID assessment = startAssessment(registerPatient());

        as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS, 1, HIGH_SUICIDE_RISK)).put("/assessments/" + assessment)
                .then().statusCode(200)
                .body("safetyAlert", equalTo(true))
                .body("screeners.find { it.screener == 'PHQ-9' }.safetyAlert", equalTo(true))
                .body("screeners.find { it.screener == 'C-SSRS' }.band", equalTo("high"))
                .body("recommendedLevelOfCare", equalTo("immediate-safety-referral"));
    }

    @Test
    void aDimensionRatedFourNeverYieldsIop() {
        UUID assessment = startAssessment(registerPatient());

        as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS.replace("\"biomedical\":0", "\"biomedical\":4"), 0,
                NO_SUICIDE_RISK)).put("/assessments/" + assessment).then().statusCode(200)
                .body("recommendedLevelOfCare", equalTo("3.x"));
    }

    @Test
    void anOverrideNeedsAReasonAndIsKeptInTheHistory() {
        UUID assessment = startAssessment(registerPatient());
        saveFullAssessment(assessment).statusCode(200);

        decide(assessment, "{\"levelOfCare\":\"2.5\"}").statusCode(400).body("violations[0].field", equalTo("reason"));
        decide(assessment, "{\"levelOfCare\":\"2.5\",\"reason\":\"Relapsed twice after outpatient care\"}")
                .statusCode(200).body("levelOfCare", equalTo("2.5")).body("recommendedLevelOfCare", equalTo("2.1"));
        decide(assessment, "{\"levelOfCare\":\"2.1\"}").statusCode(200).body("overrideReason", nullValue());

        as(CLINICIAN).get("/assessments/" + assessment + "/level-of-care").then().statusCode(200)
                .body("decided", contains("2.5", "2.1"))
                .body("recommended", contains("2.1", "2.1"))
                .body("overrideReason", contains("Relapsed twice after outpatient care", null));
    }

    @Test
    void completingPublishesExactlyOneValidAssessmentCompletedAndFreezesIt() throws Exception {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);
        saveFullAssessment(assessment).statusCode(200);

        // The record changes after the screeners were scored: the event still names the sex they were scored for.
        int version = as(COORDINATOR).get("/patients/" + patient).then().statusCode(200).extract().path("version");
        as(COORDINATOR).body(Intake.patientJson("Reyes-" + UUID.randomUUID().toString().substring(0, 8),
                "MRN-" + UUID.randomUUID()).replace("\"sex\":\"female\"", "\"sex\":\"male\"")
                .replaceFirst("\\}$", ",\"version\":" + version + "}")).put("/patients/" + patient).then()
                .statusCode(200).body("sex", equalTo("male"));

        as(CLINICIAN).post("/assessments/" + assessment + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("levelOfCare", equalTo("2.1"));

        List<ConsumerRecord<String, String>> events = intakeTopic.awaitRecords(completedFor(patient), 1,
                Duration.ofSeconds(15));
        JsonNode data = json.readTree(events.get(0).value());
        assertEquals(List.of(), EventSchemas.instance().violations(EventType.ASSESSMENT_COMPLETED, data));
        assertEquals(assessment.toString(), data.get("assessmentId").asText());
        assertEquals("2.1", data.get("levelOfCare").asText());
        assertEquals("adult", data.get("population").asText());
        assertEquals("morning", data.get("preferredSchedule").asText());
        assertEquals(5, data.get("screenerResults").size());
        assertEquals(3, data.get("asamRatings").get("relapsePotential").asInt());
        assertEquals("alcohol", data.get("substances").get(0).asText());
        assertEquals("lisinopril", data.get("medications").get(0).asText());
        assertEquals("partner", data.get("supportPeople").get(0).asText());
        assertEquals(false, data.get("familyConflict").asBoolean());
        assertEquals("female", data.get("screeningSex").asText(), "the sex its screeners were scored for");

        as(CLINICIAN).body(fullAssessment(1, IOP_RATINGS, 0, NO_SUICIDE_RISK)).put("/assessments/" + assessment)
                .then().statusCode(409);
        as(CLINICIAN).post("/assessments/" + assessment + "/complete").then().statusCode(409);
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> intakeTopic.records(completedFor(patient)).size() == 1);
    }

    @Test
    void anIncompleteAssessmentCannotBeCompletedAndPublishesNothing() {
        UUID patient = registerPatient();
        UUID assessment = startAssessment(patient);
        as(CLINICIAN).body("{\"version\":0,\"asamRatings\":" + IOP_RATINGS + "}").put("/assessments/" + assessment)
                .then().statusCode(200);

        as(CLINICIAN).post("/assessments/" + assessment + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("medicalHistory"))
                .body("violations.message", hasItem("PHQ-9 is required before the assessment can be completed"));

        as(CLINICIAN).get("/assessments/" + assessment).then().body("status", equalTo("in-progress"));
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> intakeTopic.records(completedFor(patient)).isEmpty());
    }

    @Test
    void invalidScreenerAnswersAre400NamingTheItemAndSaveNothing() {
        UUID assessment = startAssessment(registerPatient());
        String body = fullAssessment(0, IOP_RATINGS, 0, NO_SUICIDE_RISK).replace("\"9\":0}}", "\"9\":5}}");

        as(CLINICIAN).body(body).put("/assessments/" + assessment).then().statusCode(400)
                .body("violations[0].field", equalTo("screenerResponses[0].answers.9"))
                .body("violations[0].message", equalTo("PHQ-9 item 9 must be one of 0, 1, 2, 3"));

        as(CLINICIAN).get("/assessments/" + assessment).then().body("version", equalTo(0))
                .body("screeners.size()", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse decide(UUID assessment, String body) {
        return as(CLINICIAN).body(body).post("/assessments/" + assessment + "/level-of-care").then();
    }

    private static Predicate<ConsumerRecord<String, String>> completedFor(UUID patient) {
        return keyed(patient).and(r -> "intake.assessment.completed".equals(header(r, "ce_type")));
    }
}
