package io.cairn.treatmentplan.api;

import static io.cairn.testkit.TopicWatch.keyed;
import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanLifecycleTest {

    @Inject
    EntityManager entities;

    @Test
    void everyEditIsANewVersionAndAStaleEditIsRefused() {
        JsonPath plan = draftPlan(UUID.randomUUID());
        String id = plan.getString("id");
        String drafted = etag(id);
        String edit = editBody(plan, 1, "10");

        String edited = as(CLINICIAN).header("If-Match", drafted).body(edit).put("/treatment-plans/" + id).then()
                .statusCode(200).body("planVersion", equalTo(2)).body("weeklyHours", equalTo(10.0f))
                .extract().header("ETag");
        assertNotEquals(drafted, edited);
        assertEquals(edited, etag(id));
        as(CLINICIAN).body(edit).put("/treatment-plans/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(CLINICIAN).header("If-Match", drafted).body(editBody(plan, 2, "11")).put("/treatment-plans/" + id).then()
                .statusCode(412);
        as(CLINICIAN).header("If-Match", edited).body(editBody(plan, 2, "11")).put("/treatment-plans/" + id).then()
                .statusCode(200).body("planVersion", equalTo(3));

        as(CLINICIAN).get("/treatment-plans/" + id + "/versions").then().statusCode(200)
                .body("number", contains(1, 2, 3))
                .body("author", contains("system", "clinician-user", "clinician-user"))
                .body("content.weeklyHours", contains(9.0f, 10.0f, 11.0f))
                .body("[1].changeNote", equalTo("more evening groups"));
    }

    /** What the assessment found is the assessment's to say: an edit neither changes nor loses it. */
    @Test
    void anEditKeepsWhatTheAssessmentFoundAndAddsNone() {
        JsonPath plan = draftPlan(UUID.randomUUID());
        String id = plan.getString("id");
        List<Map<String, Object>> problems = plan.getList("problems");
        problems.get(0).remove("screening");
        problems.get(1).put("screening", "PHQ-9 27, severe");
        Map<String, Object> added = new java.util.HashMap<>(problems.get(1));
        added.remove("id");
        added.put("kind", "family-conflict");
        added.put("description", "Family conflict");
        added.put("screening", "made up");
        problems.add(added);
        String edit = """
                {"planVersion":1,"weeklyHours":9,"expectedWeeks":10,"preferredSchedule":"evening",
                 "changeNote":"family sessions","problems":%s}""".formatted(json(problems));

        as(CLINICIAN).body(edit).put("/treatment-plans/" + id).then().statusCode(200)
                .body("problems.screening", contains("AUDIT 19, zone-3-harmful", "PHQ-9 12, moderate", null));
        as(CLINICIAN).get("/treatment-plans/" + id + "/versions").then().statusCode(200)
                .body("[1].content.problems.screening", contains("AUDIT 19, zone-3-harmful", "PHQ-9 12, moderate",
                        null));
    }

    @Test
    void theEtagIsTheFhirVersionIdAndMovesOnWithProgress() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        String objective = as(CLINICIAN).get("/treatment-plans/" + id).jsonPath()
                .getString("problems[0].objectives[0].id");
        String before = etag(id);
        assertEquals(before, "\"" + fhirVersionId(id) + "\"");

        as(CLINICIAN).body("{\"objectiveId\":\"" + objective + "\",\"status\":\"progressing\",\"note\":\"steady\"}")
                .post("/treatment-plans/" + id + "/progress-notes").then().statusCode(201);

        String after = etag(id);
        assertNotEquals(before, after);
        assertEquals(after, "\"" + fhirVersionId(id) + "\"");
        // An edit made on the plan as it was before the progress is refused: it would not know of it.
        JsonPath plan = JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + id).asString());
        as(CLINICIAN).header("If-Match", before).body(editBody(plan, 1, "10")).put("/treatment-plans/" + id).then()
                .statusCode(412);
    }

    @Test
    void progressSurvivesAnEditAndTheRevisionWaitsForAcknowledgmentAndApproval() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        String objective = as(CLINICIAN).get("/treatment-plans/" + id).jsonPath()
                .getString("problems[0].objectives[0].id");
        as(CLINICIAN).body("{\"objectiveId\":\"" + objective + "\",\"status\":\"progressing\",\"note\":\"steady\"}")
                .post("/treatment-plans/" + id + "/progress-notes").then().statusCode(201);
        JsonPath plan = JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + id).asString());

        // The client sends the objectives back as it read them, a status with each: the edit leaves progress alone.
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).header("If-Match", etag(id)).body(editBody(plan, 1, "12").replace("\"progressing\"",
                    "\"not-started\"")).put("/treatment-plans/" + id).then().statusCode(200)
                    .body("status", equalTo("active")).body("planVersion", equalTo(2))
                    .body("approvedVersion", equalTo(1)).body("weeklyHours", equalTo(9.0f))
                    .body("problems[0].objectives[0].status", equalTo("progressing"))
                    .body("revision.weeklyHours", equalTo(12.0f))
                    .body("revision.problems[0].objectives[0].status", equalTo("progressing"));

            JsonNode proposed = only(topic, patient, "treatment-plan.plan.revision-proposed");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PLAN_REVISION_PROPOSED, proposed));
            assertEquals(2, proposed.get("planVersion").asInt());
        }

        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(409)
                .body("detail", equalTo("The patient has not acknowledged version 2 of the plan"));
        as(Tokens.forPatient(patient)).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedVersion", equalTo(2)).body("weeklyHours", equalTo(9.0f));
        as(Tokens.forPatient(patient)).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(409);
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(200)
                    .body("status", equalTo("active")).body("approvedVersion", equalTo(2))
                    .body("weeklyHours", equalTo(12.0f)).body("revision", nullValue())
                    .body("problems[0].objectives[0].status", equalTo("progressing"));

            JsonNode revised = only(topic, patient, "treatment-plan.plan.revised");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PLAN_REVISED, revised));
            assertEquals(12, revised.get("weeklyHours").asInt());
            assertEquals(2, revised.get("planVersion").asInt());
        }
        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(409);
    }

    @Test
    void aReviewRevisesTheWaitingRevisionAndAnEndedPlanDropsIt() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        JsonPath plan = JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + id).asString());
        as(CLINICIAN).body(editBody(plan, 1, "12")).put("/treatment-plans/" + id).then().statusCode(200)
                .body("revision.weeklyHours", equalTo(12.0f));

        // The review changes the problems of the revision that waits; its hours stay.
        as(CLINICIAN).body("""
                {"heldOn":"%s","summary":"Add anxiety work","objectiveProgress":[],"revisedProblems":%s}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), problemsJson(plan))).post("/treatment-plans/" + id
                        + "/reviews")
                .then().statusCode(201).body("revisedVersion", equalTo(3));
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("planVersion", equalTo(3))
                .body("weeklyHours", equalTo(9.0f)).body("revision.weeklyHours", equalTo(12.0f));

        // The patient acknowledges the version they saw; one changed since is not acknowledged unseen.
        as(Tokens.forPatient(patient)).body("{\"planVersion\":2}").post("/treatment-plans/" + id + "/acknowledge")
                .then().statusCode(409);
        as(Tokens.forPatient(patient)).body("{\"planVersion\":3}").post("/treatment-plans/" + id + "/acknowledge")
                .then().statusCode(200).body("acknowledgedVersion", equalTo(3));

        as(CLINICIAN).body("{\"reason\":\"moved\"}").post("/treatment-plans/" + id + "/discharge").then()
                .statusCode(200).body("revision", nullValue()).body("weeklyHours", equalTo(9.0f));
    }

    @Test
    void staffRecordTheAcknowledgmentOnlyWithAnAttestation() {
        UUID patient = UUID.randomUUID();
        String id = draftPlan(patient).getString("id");

        as(CLINICIAN).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(400)
                .body("violations[0].field", equalTo("attestation"));
        as(CLINICIAN).body("{\"attestation\":{\"witnessedBy\":\"Dr. Okafor\"}}").post("/treatment-plans/" + id
                + "/acknowledge").then().statusCode(400);
        as(Tokens.forPatient(patient)).body("{\"attestation\":{\"witnessedBy\":\"me\",\"method\":\"paper\"}}")
                .post("/treatment-plans/" + id + "/acknowledge").then().statusCode(400);
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("status", equalTo("draft"))
                .body("acknowledgedBy", nullValue());

        as(CLINICIAN).body("{\"attestation\":{\"witnessedBy\":\"Dr. Ana Okafor\",\"method\":\"telehealth\"}}")
                .post("/treatment-plans/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("awaiting-approval")).body("acknowledgedBy", equalTo("clinician-user"))
                .body("acknowledgmentAttestation.witnessedBy", equalTo("Dr. Ana Okafor"))
                .body("acknowledgmentAttestation.method", equalTo("telehealth"));
    }

    @Test
    void hoursOutsideTheIopRangeAreRefused() {
        JsonPath plan = draftPlan(UUID.randomUUID());

        as(CLINICIAN).body(editBody(plan, 1, "8")).put("/treatment-plans/" + plan.getString("id")).then()
                .statusCode(400).body("violations[0].field", equalTo("weeklyHours"));
    }

    @Test
    void approvalNeedsThePatientsAcknowledgmentOfTheCurrentVersion() {
        UUID patient = UUID.randomUUID();
        JsonPath plan = draftPlan(patient);
        String id = plan.getString("id");

        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(409)
                .body("detail", equalTo("The patient has not acknowledged version 1 of the plan"));
        as(Tokens.forPatient(UUID.randomUUID())).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(404);
        as(Tokens.forPatient(patient)).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedVersion", equalTo(1)).body("status", equalTo("awaiting-approval"))
                .body("acknowledgmentAttestation", nullValue());
        // A change after the acknowledgment needs the patient's acknowledgment again.
        as(CLINICIAN).body(editBody(plan, 1, "9")).put("/treatment-plans/" + id).then().statusCode(200)
                .body("status", equalTo("draft"));
        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(409);
        as(Tokens.forPatient(patient)).post("/treatment-plans/" + id + "/acknowledge").then().statusCode(200);

        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(200)
                    .body("status", equalTo("active")).body("approvedBy", equalTo("clinician-user"))
                    .body("nextReviewDue", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));

            JsonNode approved = only(topic, patient, "treatment-plan.plan.approved");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PLAN_APPROVED, approved));
            assertEquals(9, approved.get("weeklyHours").asInt());
            assertEquals("evening", approved.get("preferredSchedule").asText());
            assertEquals(2, approved.get("planVersion").asInt());
            assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), approved.get("nextReviewDue").asText());
        }
        as(CLINICIAN).post("/treatment-plans/" + id + "/approve").then().statusCode(409);
    }

    @Test
    void progressAttendanceAlertsAndReviews() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        String objective = as(CLINICIAN).get("/treatment-plans/" + id).jsonPath().getString("problems[0].objectives[0].id");

        as(CLINICIAN).body("{\"objectiveId\":\"" + objective + "\",\"status\":\"progressing\",\"note\":\"Two weeks "
                + "abstinent\"}").post("/treatment-plans/" + id + "/progress-notes").then().statusCode(201);
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("problems[0].objectives[0].status",
                equalTo("progressing"));
        as(Tokens.forPatient(patient)).get("/treatment-plans/" + id + "/progress-notes").then().statusCode(200)
                .body("note", contains("Two weeks abstinent"));

        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        UUID corrected = UUID.randomUUID();
        EventRecords.send(EventRecords.of(attendance(patient, corrected, monday, 60)),
                EventRecords.of(attendance(patient, UUID.randomUUID(), monday.plusDays(2), 180)),
                EventRecords.of(attendance(patient, corrected, monday, 120)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + id
                + "/weekly-hours").jsonPath().getList("").size() == 1
                && "5.0".equals(as(CLINICIAN).get("/treatment-plans/" + id + "/weekly-hours").jsonPath()
                        .getString("[0].hoursAttended")));
        as(CLINICIAN).get("/treatment-plans/" + id + "/weekly-hours").then().body("[0].sessions", equalTo(2))
                .body("[0].metTarget", equalTo(false));

        EventRecords.send(EventRecords.of(new EngagementAlert(patient, EngagementRisk.MISSED_SESSIONS, "2026-W48",
                new BigDecimal("5"), new BigDecimal("9"), 2, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + id).jsonPath()
                .getBoolean("flaggedForReview"));
        as(CLINICIAN).get("/treatment-plans/reviews-due").then().body("id", hasItem(id));

        String review;
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            review = as(CLINICIAN).body("""
                    {"heldOn":"%s","summary":"Missed two groups after a shift change; moved to evening track",
                     "objectiveProgress":[{"objectiveId":"%s","status":"met","note":"Four weeks abstinent"}]}"""
                    .formatted(LocalDate.now(ZoneOffset.UTC), objective)).post("/treatment-plans/" + id + "/reviews")
                    .then().statusCode(201).body("revisedVersion", nullValue()).extract().path("id");

            JsonNode reviewed = only(topic, patient, "treatment-plan.plan.reviewed");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PLAN_REVIEWED, reviewed));
            assertEquals(review, reviewed.get("reviewId").asText());
            assertEquals(id, reviewed.get("planId").asText());
            assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), reviewed.get("nextReviewDue").asText());
        }
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("flaggedForReview", equalTo(false))
                .body("problems[0].objectives[0].status", equalTo("met"))
                .body("nextReviewDue", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        as(CLINICIAN).get("/treatment-plans/" + id + "/reviews").then().body("", hasSize(1));
    }

    @Test
    void aReviewMayReviseThePlan() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        JsonPath plan = JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + id).asString());

        as(CLINICIAN).body("""
                {"heldOn":"%s","summary":"Add anxiety work","objectiveProgress":[],"revisedProblems":%s}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), problemsJson(plan))).post("/treatment-plans/" + id
                        + "/reviews")
                .then().statusCode(201).body("revisedVersion", equalTo(2));
        as(CLINICIAN).get("/treatment-plans/" + id + "/versions").then().body("number", contains(1, 2))
                .body("[1].changeNote", containsString("Revised at the review"));
        // Like any change of an active plan, the revision is in force once acknowledged and approved.
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("approvedVersion", equalTo(1))
                .body("revision", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void graduationWithUnmetCriteriaIsRefusedListingThem() {
        String id = activePlan(UUID.randomUUID());

        as(CLINICIAN).post("/treatment-plans/" + id + "/graduate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("minimumWeeks", "minimumHoursShare", "minimumObjectivesMetShare"))
                .body("violations[0].message", equalTo("0 of 8 weeks in the program"));
        as(CLINICIAN).get("/treatment-plans/" + id).then().body("status", equalTo("active"));
    }

    @Test
    void graduationWhenTheCriteriaAreMetPublishesPatientGraduated() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);
        approvedWeeksAgo(id, 10);
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusWeeks(9);
        EventRecords.send(EventRecords.of(attendance(patient, UUID.randomUUID(), start, 1440)),
                EventRecords.of(attendance(patient, UUID.randomUUID(), start.plusWeeks(1), 1440)),
                EventRecords.of(attendance(patient, UUID.randomUUID(), start.plusWeeks(2), 1440)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + id
                + "/weekly-hours").jsonPath().getList("").size() == 3);
        for (String objective : as(CLINICIAN).get("/treatment-plans/" + id).jsonPath()
                .getList("problems.objectives.id.flatten()", String.class)) {
            as(CLINICIAN).body("{\"objectiveId\":\"" + objective + "\",\"status\":\"met\",\"note\":\"done\"}")
                    .post("/treatment-plans/" + id + "/progress-notes").then().statusCode(201);
        }

        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).body("{}").post("/treatment-plans/" + id + "/graduate").then().statusCode(200)
                    .body("status", equalTo("graduated")).body("endNote", nullValue());

            JsonNode graduated = only(topic, patient, "treatment-plan.patient.graduated");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PATIENT_GRADUATED, graduated));
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), graduated.get("dischargedOn").asText());
            assertEquals("alcohol", graduated.get("aftercareNeeds").get("substances").get(0).asText());
            assertEquals("partner", graduated.get("aftercareNeeds").get("supports").get(0).asText());
            assertEquals("lisinopril", graduated.get("aftercareNeeds").get("medications").get(0).asText());
        }
        as(CLINICIAN).body("{\"reason\":\"administrative\"}").post("/treatment-plans/" + id + "/discharge").then()
                .statusCode(409);
    }

    @Test
    void aClinicianMayGraduateDespiteUnmetCriteriaWithAReason() {
        String id = activePlan(UUID.randomUUID());

        as(CLINICIAN).body("{\"overrideReason\":\"Moving abroad for work; goals largely met\"}")
                .post("/treatment-plans/" + id + "/graduate").then().statusCode(200)
                .body("status", equalTo("graduated"))
                .body("endNote", equalTo("Graduated despite unmet criteria: Moving abroad for work; goals largely met"));
    }

    @Test
    void dischargePublishesTheReasonAndEndsTheEpisode() {
        UUID patient = UUID.randomUUID();
        String id = activePlan(patient);

        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).body("{\"reason\":\"against-medical-advice\",\"note\":\"Left after a family dispute\"}")
                    .post("/treatment-plans/" + id + "/discharge").then().statusCode(200)
                    .body("status", equalTo("discharged")).body("dischargeReason", equalTo("against-medical-advice"));

            JsonNode discharged = only(topic, patient, "treatment-plan.patient.discharged");
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PATIENT_DISCHARGED, discharged));
            assertEquals("against-medical-advice", discharged.get("reason").asText());
        }
        as(CLINICIAN).body("{\"reason\":\"moved\"}").post("/treatment-plans/" + id + "/discharge").then()
                .statusCode(409);
        as(CLINICIAN).body(editBody(JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + id).asString()), 2, "9"))
                .put("/treatment-plans/" + id).then().statusCode(409);
    }

    private static String etag(String id) {
        return as(CLINICIAN).get("/treatment-plans/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static String fhirVersionId(String id) {
        return io.restassured.RestAssured.given().auth().oauth2(CLINICIAN).accept("application/fhir+json")
                .get("/fhir/r4/CarePlan/" + id).then().statusCode(200).extract().path("meta.versionId");
    }

    private static JsonNode only(TopicWatch topic, UUID patient, String type) {
        List<ConsumerRecord<String, String>> records = topic.awaitRecords(
                keyed(patient).and(r -> type.equals(EventRecords.type(r))), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
        return EventRecords.data(records.get(0));
    }

    private void approvedWeeksAgo(String id, int weeks) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "update treatment_plan set approved_at = now() - make_interval(weeks => ?1) where id = ?2")
                .setParameter(1, weeks).setParameter(2, UUID.fromString(id)).executeUpdate());
    }

    private static AttendanceRecorded attendance(UUID patient, UUID attendanceId, LocalDate day, int minutes) {
        return new AttendanceRecorded(attendanceId, patient, UUID.randomUUID(), SessionKind.GROUP,
                AttendanceStatus.PRESENT, minutes, day, Instant.now());
    }

    static String editBody(JsonPath plan, int basedOn, String hours) {
        return """
                {"planVersion":%d,"weeklyHours":%s,"expectedWeeks":10,"preferredSchedule":"evening",
                 "changeNote":"more evening groups","problems":%s}""".formatted(basedOn, hours, problemsJson(plan));
    }

    static String problemsJson(JsonPath plan) {
        return json(plan.getList("problems"));
    }

    private static String json(Object value) {
        try {
            return EventRecords.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
