package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.cairn.treatmentplan.api.Plans.draftPlan;
import static io.cairn.testkit.TopicWatch.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Roles;
import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.SessionKind;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.EnrollmentStatus;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.TopicWatch;
import io.cairn.testkit.Tokens;
import io.cairn.treatmentplan.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Measurement-based care: the assessment's baseline, re-screens due on the plan's schedule, and the trend. */
@QuarkusTest
class MeasuresTest {

    static final String DIRECTOR = Tokens.forRole(Roles.PROGRAM_DIRECTOR);

    @Inject
    TestClock clock;

    @Inject
    EntityManager entities;

    @Inject
    ClinicCalendar calendar;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void theAssessmentsScreenersStartEachSeriesAndWhatItDidNotScreenIsDueAtApproval() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // assessed with AUDIT 19 and PHQ-9 12; alcohol use and depression drafted
        LocalDate today = calendar.today();

        as(CLINICIAN).get("/patients/" + patient + "/measures").then().statusCode(200)
                .body("instrument", contains("PHQ-9", "AUDIT"))
                .body("find { it.instrument == 'PHQ-9' }.baseline", equalTo(12))
                .body("find { it.instrument == 'PHQ-9' }.change", equalTo(0))
                .body("find { it.instrument == 'PHQ-9' }.reliableChange", equalTo("unchanged"))
                .body("find { it.instrument == 'AUDIT' }.reliableChange", nullValue())
                .body("find { it.instrument == 'PHQ-9' }.measures[0].source", equalTo("assessment"))
                .body("find { it.instrument == 'PHQ-9' }.measures[0].band", equalTo("moderate"))
                .body("find { it.instrument == 'PHQ-9' }.measures[0].answers", nullValue());
        // PHQ-9 was taken today (a week to go), AUDIT too (four weeks); GAD-7 never: due from approval, today.
        as(Tokens.forPatient(patient)).get("/patients/" + patient + "/measures/due").then().statusCode(200)
                .body("instrument", contains("GAD-7")).body("[0].dueOn", equalTo(today.toString()))
                .body("[0].everyDays", equalTo(7)).body("[0].lastTakenOn", nullValue());
    }

    @Test
    void weeklyReScreensAnsweredByThePatientShowAReliableWorsening() {
        UUID patient = UUID.randomUUID();
        activePlan(patient);
        String token = Tokens.forPatient(patient);
        LocalDate today = calendar.today();

        clock.advance(Duration.ofDays(7));
        as(token).get("/patients/" + patient + "/measures/due").then().statusCode(200)
                .body("instrument", contains("PHQ-9", "GAD-7"))
                .body("[0].dueOn", equalTo(today.plusDays(7).toString()))
                .body("[0].lastTakenOn", equalTo(today.toString()));
        as(token).body(phq9(1, 1, 2, 2, 2, 2, 2, 2, 0)).post("/patients/" + patient + "/measures").then()
                .statusCode(201).body("instrument", equalTo("PHQ-9")).body("score", equalTo(14))
                .body("band", equalTo("moderate")).body("source", equalTo("re-screen"))
                .body("answers.9", equalTo(0)).body("recordedBy", equalTo("patient-" + patient))
                .body("takenOn", equalTo(today.plusDays(7).toString()));
        as(token).get("/patients/" + patient + "/measures/due").then().body("instrument", contains("GAD-7"));

        clock.advance(Duration.ofDays(7));
        as(token).get("/patients/" + patient + "/measures/due").then().body("instrument", hasItems("PHQ-9"));
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            String measure = as(token).body(phq9(2, 2, 2, 2, 2, 2, 2, 2, 2)).post("/patients/" + patient + "/measures")
                    .then().statusCode(201).body("score", equalTo(18)).body("safetyAlert", equalTo(true)).extract()
                    .path("id");

            // Six points above the assessment's 12 and item 9 answered: the care team hears of both, at once.
            JsonNode worse = EventRecords.data(topic.awaitRecords(keyed(patient).and(
                    r -> "treatment-plan.measure.worsened".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.MEASURE_WORSENED, worse));
            assertEquals(measure, worse.get("measureId").asText());
            assertEquals(12, worse.get("baseline").asInt());
            assertEquals(18, worse.get("score").asInt());
            JsonNode alert = EventRecords.data(topic.awaitRecords(keyed(patient).and(
                    r -> "treatment-plan.safety-alert.raised".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.TREATMENT_PLAN_SAFETY_ALERT, alert));
            assertEquals("re-screen", alert.get("source").asText());
            assertEquals(measure, alert.get("sourceId").asText());
            assertEquals(9, alert.get("item").asInt());
        }

        as(CLINICIAN).get("/patients/" + patient + "/measures").then().statusCode(200)
                .body("find { it.instrument == 'PHQ-9' }.measures.score", contains(12, 14, 18))
                .body("find { it.instrument == 'PHQ-9' }.latest", equalTo(18))
                .body("find { it.instrument == 'PHQ-9' }.change", equalTo(6))
                .body("find { it.instrument == 'PHQ-9' }.reliableChange", equalTo("worse"));
    }

    @Test
    void anAuditReScreenIsScoredForTheSexTheAssessmentWasScoredFor() {
        UUID man = UUID.randomUUID();
        activePlan(man, "male");
        UUID assessedEarlier = UUID.randomUUID();
        activePlan(assessedEarlier, null); // an assessment published before intake said the sex
        String auditC3 = """
                {"instrument":"AUDIT","answers":{"1":1,"2":1,"3":1,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0}}""";

        // AUDIT-C 3: below a man's cut-off of 4, at the cautious one of 3.
        as(CLINICIAN).body(auditC3).post("/patients/" + man + "/measures").then().statusCode(201)
                .body("findings", contains("audit-c-score-3"));
        as(CLINICIAN).body(auditC3).post("/patients/" + assessedEarlier + "/measures").then().statusCode(201)
                .body("findings", contains("audit-c-score-3", "audit-c-positive"));
        assertEquals(List.of("male"), Rows.list(entities, "select sex from screening_sex where patient_id = ?1", man));
    }

    @Test
    void answeringTheLastReScreenDueTellsIntakeTheReminderIsDoneWith() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient); // PHQ-9 and AUDIT taken at the assessment; GAD-7 due from approval
        clock.advance(Duration.ofDays(7)); // PHQ-9 due again too
        String gad7 = """
                {"instrument":"GAD-7","answers":{"1":1,"2":1,"3":1,"4":0,"5":0,"6":1,"7":1}}""";
        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            // One of the two answered, GAD-7 still due: nothing to tell.
            as(Tokens.forPatient(patient)).body(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)).post("/patients/" + patient
                    + "/measures").then().statusCode(201);
            assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM outbox_event WHERE patient_id = ?1 "
                    + "AND event_type = 'treatment-plan.re-screens.done'", patient.toString()));
            String measure = as(Tokens.forPatient(patient)).body(gad7).post("/patients/" + patient + "/measures")
                    .then().statusCode(201).extract().path("id");
            JsonNode done = EventRecords.data(topic.awaitRecords(keyed(patient).and(
                    r -> "treatment-plan.re-screens.done".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.RE_SCREENS_DONE, done));
            assertEquals(plan, done.get("planId").asText());
            // When the re-screen was taken (the database keeps microseconds; the event, the clock's own).
            assertEquals(Instant.parse(as(CLINICIAN).get("/patients/" + patient + "/measures").then()
                    .extract().<String> path("find { it.instrument == 'GAD-7' }.measures[0].takenAt"))
                    .truncatedTo(ChronoUnit.MILLIS),
                    Instant.parse(done.get("doneAt").asText()).truncatedTo(ChronoUnit.MILLIS));

            // Answered again with nothing due: nothing to tell.
            as(Tokens.forPatient(patient)).body(gad7).post("/patients/" + patient + "/measures").then()
                    .statusCode(201);
            as(CLINICIAN).get("/patients/" + patient + "/measures").then()
                    .body("find { it.instrument == 'GAD-7' }.measures", hasSize(2));
            // The outbox row is written with the re-screen: once answered, what it published is there.
            assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM outbox_event WHERE patient_id = ?1 "
                    + "AND event_type = 'treatment-plan.re-screens.done'", patient.toString()), "one, for " + measure);
        }
    }

    @Test
    void aReAssessmentThatGivesWhatWasDueTellsIntakeTooOnce() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // GAD-7 due from approval
        io.cairn.contracts.events.AssessmentCompleted first = Plans.assessment(patient,
                io.cairn.contracts.events.LevelOfCare.INTENSIVE_OUTPATIENT);
        io.cairn.contracts.events.AssessmentCompleted again = new io.cairn.contracts.events.AssessmentCompleted(
                UUID.randomUUID(), patient, first.population(), first.recommendedLevelOfCare(), first.levelOfCare(),
                null, first.asamRatings(), List.of(new io.cairn.contracts.events.ScreenerResult("GAD-7", 6, "mild",
                        false, List.of())),
                false, first.substances(), false, first.supportPeople(),
                first.medications(), first.preferredSchedule(), Instant.now(), "male");
        EventRecords.send(EventRecords.of(again), EventRecords.of(again));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM outbox_event "
                + "WHERE patient_id = ?1 AND event_type = 'treatment-plan.re-screens.done'", patient.toString()) == 1);
        as(CLINICIAN).get("/patients/" + patient + "/measures/due").then().body("instrument", hasSize(0));
    }

    @Test
    void aClinicianRecordsAReScreenGivenInSession() {
        UUID patient = UUID.randomUUID();
        activePlan(patient);

        as(CLINICIAN).body("""
                {"instrument":"GAD-7","answers":{"1":1,"2":1,"3":1,"4":0,"5":0,"6":1,"7":1}}""")
                .post("/patients/" + patient + "/measures").then().statusCode(201).body("score", equalTo(5))
                .body("band", equalTo("mild"));
        as(CLINICIAN).get("/patients/" + patient + "/measures/due").then().body("instrument", hasSize(0));
        assertEquals(1L, count("select count(*) from audit_event where action = 'record' and resource_type = 'measure' "
                + "and patient_id = ?1", patient));
    }

    @Test
    void answersTheScreenerCannotScoreAre400NamingEachItemAndKeepNothing() {
        UUID patient = UUID.randomUUID();
        activePlan(patient);
        String token = Tokens.forPatient(patient);
        long before = measuresOf(patient);

        as(token).body("""
                {"instrument":"PHQ-9","answers":{"1":1,"2":1,"3":7,"4":1,"5":1,"6":1,"7":1,"8":1,"10":0}}""")
                .post("/patients/" + patient + "/measures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("answers.3", "answers.9", "answers.10"));
        as(token).body("{\"instrument\":\"C-SSRS\",\"answers\":{\"1\":0,\"2\":0}}")
                .post("/patients/" + patient + "/measures").then().statusCode(400)
                .body("violations.field", contains("instrument"));
        as(token).body("{\"instrument\":\"PHQ-10\",\"answers\":{}}").post("/patients/" + patient + "/measures")
                .then().statusCode(400).contentType("application/problem+json");
        as(token).body("{\"instrument\":\"PHQ-9\"}").post("/patients/" + patient + "/measures").then()
                .statusCode(400).contentType("application/problem+json");
        assertEquals(before, measuresOf(patient));
    }

    @Test
    void anotherPatientIs404AndAPatientWithoutAnActivePlanIs409() {
        UUID patient = UUID.randomUUID();
        activePlan(patient);
        UUID drafted = UUID.randomUUID();
        draftPlan(drafted);
        long before = measuresOf(patient);

        as(Tokens.forPatient(UUID.randomUUID())).body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .post("/patients/" + patient + "/measures").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.forPatient(UUID.randomUUID())).get("/patients/" + patient + "/measures").then().statusCode(404);
        as(Tokens.forPatient(drafted)).body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .post("/patients/" + drafted + "/measures").then().statusCode(409)
                .contentType("application/problem+json");
        as(Tokens.forPatient(drafted)).get("/patients/" + drafted + "/measures/due").then().statusCode(200)
                .body("", hasSize(0));
        assertEquals(before, measuresOf(patient));
        assertEquals(2L, measuresOf(drafted), "the draft's baseline only");
    }

    @Test
    void aClinicianSetsThePlansOwnReScreensAndPutsItBackOnTheClinics() {
        UUID patient = UUID.randomUUID();
        activePlan(patient); // alcohol use and depression: PHQ-9 and GAD-7 weekly, AUDIT every four weeks
        String schedule = "/patients/" + patient + "/measures/schedule";
        as(Tokens.forPatient(patient)).get(schedule).then().statusCode(200).body("clinicDefault", equalTo(true))
                .body("entries.instrument", contains("PHQ-9", "GAD-7", "AUDIT"))
                .body("entries.everyDays", contains(7, 7, 28));

        as(CLINICIAN).body("{\"entries\":[{\"instrument\":\"PHQ-9\",\"everyDays\":14}]}").put(schedule).then()
                .statusCode(200).body("clinicDefault", equalTo(false)).body("entries.instrument", contains("PHQ-9"));
        clock.advance(Duration.ofDays(7));
        as(CLINICIAN).get("/patients/" + patient + "/measures/due").then().body("", hasSize(0));
        clock.advance(Duration.ofDays(7));
        as(CLINICIAN).get("/patients/" + patient + "/measures/due").then().body("instrument", contains("PHQ-9"));

        for (String invalid : List.of("{\"entries\":[]}", "{\"entries\":[{\"instrument\":\"C-SSRS\",\"everyDays\":7}]}",
                "{\"entries\":[{\"instrument\":\"PHQ-9\",\"everyDays\":0}]}",
                "{\"entries\":[{\"instrument\":\"GAD-7\",\"everyDays\":7},{\"instrument\":\"GAD-7\",\"everyDays\":3}]}")) {
            as(CLINICIAN).body(invalid).put(schedule).then().statusCode(400).contentType("application/problem+json");
        }
        as(Tokens.forPatient(patient)).body("{\"entries\":[{\"instrument\":\"PHQ-9\",\"everyDays\":1}]}")
                .put(schedule).then().statusCode(403);
        as(CLINICIAN).get(schedule).then().body("entries.everyDays", contains(14));

        // Two clinicians read the same version; the second to write is told the first came before.
        String read = as(CLINICIAN).get(schedule).then().statusCode(200).extract().header("ETag");
        String written = as(CLINICIAN).header("If-Match", read)
                .body("{\"entries\":[{\"instrument\":\"PHQ-9\",\"everyDays\":10}]}").put(schedule).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(read, written, "the plan's version moved on");
        as(CLINICIAN).header("If-Match", read).body("{\"entries\":[{\"instrument\":\"GAD-7\",\"everyDays\":3}]}")
                .put(schedule).then().statusCode(412).contentType("application/problem+json");
        as(CLINICIAN).header("If-Match", read).delete(schedule).then().statusCode(412);
        as(CLINICIAN).get(schedule).then().header("ETag", written).body("entries.everyDays", contains(10));

        as(CLINICIAN).header("If-Match", written).delete(schedule).then().statusCode(200)
                .body("clinicDefault", equalTo(true)).body("entries.instrument", contains("PHQ-9", "GAD-7", "AUDIT"));
        as(CLINICIAN).get("/patients/" + UUID.randomUUID() + "/measures/schedule").then().statusCode(409);
    }

    @Test
    void theDirectorSeesTheShareOfEpisodesImprovedUnchangedAndWorse() {
        UUID improved = UUID.randomUUID();
        UUID unchanged = UUID.randomUUID();
        UUID worse = UUID.randomUUID();
        for (UUID patient : List.of(improved, unchanged, worse)) {
            activePlan(patient); // PHQ-9 12 at assessment
        }
        // Far from any other test's re-screens, so that the range holds these three episodes only.
        clock.advance(Duration.ofDays(400));
        LocalDate day = calendar.today();
        record(improved, phq9(1, 1, 1, 1, 1, 1, 1, 0, 0)); // 7: 5 points better
        record(unchanged, phq9(2, 2, 2, 2, 2, 2, 1, 0, 0)); // 13
        record(worse, phq9(2, 2, 2, 2, 2, 2, 2, 2, 0)); // 16: 4 points worse, not reliably
        record(worse, phq9(2, 2, 2, 2, 2, 2, 2, 3, 0)); // 17: 5 points worse, the last one counts
        // A GAD-7 the assessment did not include: a single score, no change to judge yet.
        record(improved, "{\"instrument\":\"GAD-7\",\"answers\":{\"1\":3,\"2\":3,\"3\":3,\"4\":3,\"5\":3,\"6\":3,\"7\":3}}");

        as(DIRECTOR).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/measure-outcomes")
                .then().statusCode(200).body("instrument", contains("PHQ-9", "GAD-7"))
                .body("[0].episodes", equalTo(3)).body("[0].improved", equalTo(1)).body("[0].unchanged", equalTo(1))
                .body("[0].worse", equalTo(1)).body("[0].improvedShare", equalTo(0.333f))
                .body("[1].episodes", equalTo(0)).body("[1].improvedShare", nullValue());
        assertEquals(1L, count("select count(*) from audit_event where resource_type = 'measure-outcomes' "
                + "and resource_id = ?1", day + ".." + day));
        as(DIRECTOR).queryParam("from", day.toString()).queryParam("to", day.minusDays(1).toString())
                .get("/measure-outcomes").then().statusCode(400).contentType("application/problem+json");
        as(CLINICIAN).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/measure-outcomes")
                .then().statusCode(403);
    }

    private static void record(UUID patient, String answers) {
        as(Tokens.forPatient(patient)).body(answers).post("/patients/" + patient + "/measures").then().statusCode(201);
    }

    @Test
    void theDischargeTellsWhereThePhq9AndGad7SeriesStood() throws Exception {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient); // PHQ-9 12 at the assessment, no GAD-7
        clock.advance(Duration.ofDays(7));
        as(Tokens.forPatient(patient)).body(phq9(1, 1, 2, 2, 2, 2, 2, 2, 0)).post("/patients/" + patient + "/measures")
                .then().statusCode(201);
        // Placed in a track, and three hours attended there.
        UUID track = UUID.randomUUID();
        LocalDate approvedOn = calendar.today().minusDays(7);
        EventRecords.send(EventRecords.of(new PatientEnrolled(UUID.randomUUID(), patient, UUID.fromString(plan),
                EnrollmentStatus.ENROLLED, track, approvedOn, null, Instant.now())),
                EventRecords.of(new AttendanceRecorded(UUID.randomUUID(), patient, UUID.randomUUID(),
                        SessionKind.GROUP, AttendanceStatus.PRESENT, 180, approvedOn.plusDays(1), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM plan_track "
                + "WHERE track_id = ?1", track) == 1 && Rows.count(entities,
                        "SELECT count(*) FROM attendance_record "
                                + "WHERE patient_id = ?1",
                        patient) == 1);

        try (TopicWatch topic = TopicWatch.of(Topics.TREATMENT_PLAN)) {
            as(CLINICIAN).body("{\"reason\":\"moved\"}").post("/treatment-plans/" + plan + "/discharge").then()
                    .statusCode(200);
            JsonNode discharged = EventRecords.data(topic.awaitRecords(keyed(patient).and(
                    r -> "treatment-plan.patient.discharged".equals(EventRecords.type(r))), 1, Duration.ofSeconds(20))
                    .get(0));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.PATIENT_DISCHARGED, discharged));
            assertEquals(EventRecords.JSON.readTree("[{\"instrument\":\"PHQ-9\",\"first\":12,\"last\":14}]"),
                    discharged.get("measuresAtEnd"), "AUDIT is not a series the outcomes follow; no GAD-7 was taken");
            // Eight days from approval to discharge at the plan's weekly hours; three attended, in the track.
            JsonNode hours = discharged.get("hoursAtEnd");
            assertEquals(track.toString(), hours.get("trackId").asText());
            assertEquals(3.0, hours.get("attended").asDouble());
            assertEquals(new BigDecimal(as(CLINICIAN).get("/treatment-plans/" + plan).jsonPath().getString("weeklyHours"))
                    .multiply(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(7), 1, java.math.RoundingMode.HALF_UP)
                    .doubleValue(), hours.get("expected").asDouble());
        }
    }

    @Test
    void eachReviewShowsTheSeriesSinceTheReviewBefore() {
        UUID patient = UUID.randomUUID();
        String plan = activePlan(patient); // PHQ-9 12 and AUDIT 19 at the assessment
        String token = Tokens.forPatient(patient);
        String review = """
                {"heldOn":"%s","objectiveProgress":[],"summary":"Reviewed with the patient"}"""
                .formatted(LocalDate.now(java.time.ZoneOffset.UTC));

        clock.advance(Duration.ofDays(7));
        as(token).body(phq9(1, 1, 2, 2, 2, 2, 2, 2, 0)).post("/patients/" + patient + "/measures").then()
                .statusCode(201);
        as(CLINICIAN).body(review).post("/treatment-plans/" + plan + "/reviews").then().statusCode(201)
                .body("measures.instrument", contains("AUDIT", "PHQ-9", "PHQ-9"))
                .body("measures.score", contains(19, 12, 14));

        clock.advance(Duration.ofDays(7));
        as(token).body(phq9(1, 1, 1, 1, 1, 1, 2, 2, 0)).post("/patients/" + patient + "/measures").then()
                .statusCode(201);
        as(CLINICIAN).body(review).post("/treatment-plans/" + plan + "/reviews").then().statusCode(201)
                .body("measures.score", contains(10));
        as(CLINICIAN).get("/treatment-plans/" + plan + "/reviews").then().statusCode(200)
                .body("[0].measures.score", contains(19, 12, 14)).body("[1].measures.score", contains(10))
                .body("[1].measures[0].source", equalTo("re-screen"));
    }

    private static String phq9(int... answers) {
        StringBuilder json = new StringBuilder("{\"instrument\":\"PHQ-9\",\"answers\":{");
        for (int i = 0; i < answers.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(i + 1).append("\":").append(answers[i]);
        }
        return json.append("}}").toString();
    }

    private long measuresOf(UUID patient) {
        return count("select count(*) from measure where patient_id = ?1", patient);
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.count(entities, sql, parameters));
    }
}
