package io.cairn.worklist.api;

import static io.cairn.worklist.api.Worklists.CASE_MANAGER;
import static io.cairn.worklist.api.Worklists.CLINICIAN;
import static io.cairn.worklist.api.Worklists.as;
import static io.cairn.worklist.api.Worklists.awaitTasks;
import static io.cairn.worklist.api.Worklists.tasks;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Topics;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.MeasureWorsened;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.testkit.EventRecords;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.testkit.Rows;
import io.cairn.testkit.TopicWatch;
import io.cairn.testkit.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Tasks open from the events that already exist and close themselves when the work is done. */
@QuarkusTest
@QuarkusTestResource(SmtpResource.class)
class EventTasksTest {

    static final AftercareNeeds NEEDS = new AftercareNeeds(List.of(), List.of(), List.of());

    @Inject
    EntityManager entities;

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aDraftedPlanWaitsForApprovalThenItsReviewComesDueAndAReviewClosesIt() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new PlanDrafted(plan, patient, UUID.randomUUID(), Instant.now())));

        Map<String, Object> approval = awaitTasks(patient, "kind=plan-approval", 1).get(0);
        assertEquals("high", approval.get("priority"));
        assertEquals("/api/v1/treatment-plans/" + plan, approval.get("about"));

        // Approved with the first review due in 5 days: inside the week's notice, so on the list at once.
        EventRecords.send(EventRecords.of(approved(plan, patient, today().plusDays(5))),
                EventRecords.of(new EngagementAlert(patient, EngagementRisk.MISSED_SESSIONS, "2026-W49",
                        new BigDecimal("3"), new BigDecimal("9"), 2, Instant.now())));
        awaitTasks(patient, "kind=plan-review", 1);
        awaitTasks(patient, "kind=engagement", 1);
        assertEquals(0, tasks(patient, "kind=plan-approval").size());
        assertEquals("resolved", as(CLINICIAN).get("/tasks/" + approval.get("id")).jsonPath().getString("status"));
        assertEquals("work-recorded", as(CLINICIAN).get("/tasks/" + approval.get("id")).jsonPath().getString(
                "outcome"));

        // The review closes the review task and the engagement task; the next review is a month away: not listed yet.
        EventRecords.send(EventRecords.of(new PlanReviewed(plan, patient, UUID.randomUUID(), today(),
                today().plusDays(30), Instant.now())));
        awaitTasks(patient, "kind=plan-review", 0);
        assertEquals(0, tasks(patient, "kind=engagement").size());
        assertEquals(2L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1 AND kind = "
                + "'PLAN_REVIEW'", patient));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1 AND kind = "
                + "'PLAN_REVIEW' AND status = 'OPEN' AND opens_at > now()", patient));

        // The episode ends: its open plan work ends with it.
        EventRecords.send(EventRecords.of(new PatientDischarged(plan, patient, DischargeReason.MOVED, today(), NEEDS,
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM care_task "
                + "WHERE patient_id = ?1 AND status IN ('OPEN', 'CLAIMED')", patient) == 0);
    }

    @Test
    void aRevisionOfAnActivePlanWaitsForApprovalUntilItIsInForce() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        EventRecords.send(EventRecords.of(approved(plan, patient, today().plusDays(30))),
                EventRecords.of(new PlanRevisionProposed(plan, patient, 2, UUID.randomUUID(), Instant.now())));

        Map<String, Object> first = awaitTasks(patient, "kind=plan-approval", 1).get(0);
        assertEquals("/api/v1/treatment-plans/" + plan, first.get("about"));
        assertEquals("clinician", first.get("role"));

        // A newer revision replaces the first one's task; approved, the revision's task is done.
        EventRecords.send(EventRecords.of(new PlanRevisionProposed(plan, patient, 3, null, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> !"open".equals(as(CLINICIAN).get("/tasks/"
                + first.get("id")).jsonPath().getString("status")));
        assertEquals(1, awaitTasks(patient, "kind=plan-approval", 1).size());
        EventRecords.send(EventRecords.of(new PlanRevised(plan, patient, 3, Population.ADULT, new BigDecimal("12"),
                null, 10, Instant.now())));
        awaitTasks(patient, "kind=plan-approval", 0);
    }

    @Test
    void engagementAlertsBeforeAnyoneActsMakeOneTask() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(EventRecords.of(engagement(patient, "2026-W48")), EventRecords.of(engagement(patient,
                "2026-W49")));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> tasks(patient, "kind=engagement").size() == 1);
    }

    @Test
    void aReScreenWorseThanItsSeriesBeganIsOneTaskPerInstrumentUntilThePlanIsReviewed() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        var first = EventRecords.of(worsened(patient, plan, "PHQ-9", 12, 18));
        EventRecords.send(first, first, EventRecords.of(worsened(patient, plan, "PHQ-9", 12, 20)),
                EventRecords.of(worsened(patient, plan, "GAD-7", 6, 11)));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> tasks(patient, "kind=measure-worsened").size() == 2);
        Map<String, Object> phq9 = tasks(patient, "kind=measure-worsened").stream()
                .filter(task -> task.get("title").toString().startsWith("PHQ-9")).findFirst().orElseThrow();
        assertEquals("PHQ-9 re-screen reliably worse since the program began", phq9.get("title"));
        assertEquals("/api/v1/patients/" + patient + "/measures", phq9.get("about"));
        assertEquals("clinician", phq9.get("role"));
        assertEquals("high", phq9.get("priority"));

        // The review is the look at the plan the worse scores asked for.
        EventRecords.send(EventRecords.of(new PlanReviewed(plan, patient, UUID.randomUUID(), today(),
                today().plusDays(30), Instant.now())));
        awaitTasks(patient, "kind=measure-worsened", 0);
    }

    @Test
    void aWorseReScreenEndsWithTheEpisodeAndOneThatRacedItsEndIsNoTask() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        EventRecords.send(EventRecords.of(worsened(patient, plan, "PHQ-9", 12, 18)));
        awaitTasks(patient, "kind=measure-worsened", 1);

        EventRecords.send(EventRecords.of(new PatientDischarged(plan, patient, DischargeReason.MOVED, today(), NEEDS,
                Instant.now())), EventRecords.of(worsened(patient, plan, "GAD-7", 6, 11)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> tasks(patient, "kind=measure-worsened").isEmpty());
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1 AND kind = "
                + "'MEASURE_WORSENED'", patient), "the GAD-7 re-screen of the discharge day opened none");
    }

    @Test
    void aReScreensSafetyFindingIsAnUrgentTaskAtOnce() {
        UUID patient = UUID.randomUUID();
        UUID measure = UUID.randomUUID();
        EventRecords.send(EventRecords.of(EventType.TREATMENT_PLAN_SAFETY_ALERT, SafetyAlertRaised.of(
                UUID.randomUUID(), patient, SafetyFinding.SELF_HARM_THOUGHTS, SafetyAlertSource.RE_SCREEN, measure,
                Instant.now())));

        Map<String, Object> alert = awaitTasks(patient, "kind=safety-alert", 1).get(0);
        assertEquals("urgent", alert.get("priority"));
        assertEquals("Safety alert: PHQ-9 item 9 (self harm thoughts) at a re-screen", alert.get("title"));
        assertEquals("/api/v1/patients/" + patient + "/measures", alert.get("about"));
    }

    @Test
    void anEngagementAlertReadAfterTheEpisodeEndedIsNoTaskButOneAboutALaterEpisodeIs() {
        UUID patient = UUID.randomUUID();
        // Graduated on Wednesday of 2026-W49; scheduling's alerts for that week and the one before are read later.
        EventRecords.send(EventRecords.of(new PatientGraduated(UUID.randomUUID(), patient, LocalDate.of(2026, 12, 2),
                NEEDS, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM episode_end "
                + "WHERE patient_id = ?1", patient) == 1);

        // Back after a relapse, in a new episode: its alerts are work again.
        EventRecords.send(EventRecords.of(engagement(patient, "2026-W49")), EventRecords.of(engagement(patient,
                "2026-W48")), EventRecords.of(engagement(patient, "2026-W51")));

        List<Map<String, Object>> engagement = awaitTasks(patient, "kind=engagement", 1);
        assertTrue(engagement.get(0).get("title").toString().contains("2026-W51"));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1", patient));
    }

    @Test
    void checkInsJoinTheListAWeekBeforeTheyAreDueAndARecordedOneCloses() {
        UUID patient = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        LocalDate discharged = today().minusDays(2);
        EventRecords.send(EventRecords.of(new AftercareReferralCreated(referral, patient, UUID.randomUUID(),
                discharged, List.of(7, 30, 90, 180, 365), false, null, Instant.now())));

        Map<String, Object> week = awaitTasks(patient, "kind=check-in-due", 1).get(0);
        assertEquals("7-day aftercare check-in due", week.get("title"));
        assertEquals("case-manager", week.get("role"));
        assertEquals(5L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1", patient));
        assertEquals(1, as(CASE_MANAGER).get("/tasks?role=case-manager&kind=check-in-due&patientId=" + patient)
                .jsonPath().getList("").size());
        // Each person sees the tasks of their roles: a check-in is the case managers' work, not the clinicians'.
        assertEquals(0, as(CLINICIAN).get("/tasks?patientId=" + patient).jsonPath().getList("").size());
        as(CLINICIAN).get("/tasks/" + week.get("id")).then().statusCode(404);

        EventRecords.send(EventRecords.of(new CheckInRecorded(UUID.randomUUID(), patient, referral, 7, today(), true,
                Instant.now())));
        awaitTasks(patient, "kind=check-in-due", 0);
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM care_task WHERE patient_id = ?1 AND status = "
                + "'RESOLVED'", patient));
    }

    @Test
    void anUrgentReadmissionReferralIsUrgentForIntakeAndARoutineReferralIsNoTask() {
        UUID patient = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new ReferralReceived(UUID.randomUUID(), patient,
                ReferralSource.AFTERCARE_RELAPSE, true, UUID.randomUUID(), Instant.now())),
                EventRecords.of(new ReferralReceived(UUID.randomUUID(), other, ReferralSource.PHYSICIAN, false, null,
                        Instant.now())));

        Map<String, Object> task = awaitTasks(patient, "kind=urgent-referral", 1).get(0);
        assertEquals("urgent", task.get("priority"));
        assertEquals("intake-coordinator", task.get("role"));
        assertEquals("Urgent readmission referral", task.get("title"));
        assertEquals(0, tasks(other, "").size());
    }

    @Test
    void replayingEveryEventChangesNoTask() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        List<ProducerRecord<String, String>> events = List.of(
                EventRecords.of(new PlanDrafted(plan, patient, UUID.randomUUID(), Instant.now())),
                EventRecords.of(approved(plan, patient, today().plusDays(3))),
                Worklists.checkInAlert(patient), EventRecords.of(engagement(patient, "2026-W50")));
        events.forEach(EventRecords::send);
        awaitTasks(patient, "kind=plan-review", 1);
        awaitTasks(patient, "kind=safety-alert", 1);
        awaitTasks(patient, "kind=engagement", 1);
        String before = snapshot(patient);

        events.forEach(EventRecords::send);
        events.forEach(EventRecords::send);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> snapshot(patient).equals(before));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> poison = EventRecords.of(engagement(patient, "2026-W50"));
        ProducerRecord<String, String> broken = new ProducerRecord<>(poison.topic(), poison.key(),
                "{\"patientId\":\"" + patient + "\",\"risk\":\"bored\"}");
        poison.headers().forEach(h -> broken.headers().add(h));

        try (TopicWatch deadLetters = TopicWatch.of(Topics.deadLetterOf(Topics.SCHEDULING))) {
            EventRecords.send(broken, EventRecords.of(engagement(patient, "2026-W51")));
            deadLetters.awaitRecords(TopicWatch.keyed(patient), 1, Duration.ofSeconds(20));
        }
        awaitTasks(patient, "kind=engagement", 1);
        assertTrue(tasks(patient, "kind=engagement").get(0).get("title").toString().contains("2026-W51"));
    }

    @Test
    void theListIsWindowedAndAuditsOnlyTheRowsItAnswers() {
        UUID patient = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        // Discharged a year ago: every check-in's time has come.
        EventRecords.send(EventRecords.of(new AftercareReferralCreated(referral, patient, UUID.randomUUID(),
                today().minusDays(400), List.of(7, 30, 90, 180, 365), false, null, Instant.now())));
        awaitTasks(patient, "kind=check-in-due", 5);
        long auditedBefore = audited(patient);

        var first = as(CASE_MANAGER).get("/tasks?kind=check-in-due&size=2&patientId=" + patient).then().statusCode(200)
                .header("X-Total-Count", "5").extract();
        assertEquals(2, first.jsonPath().getList("").size());
        assertTrue(first.header("Link").contains("page=1"), first.header("Link"));
        assertEquals(List.of("7-day aftercare check-in due", "30-day aftercare check-in due"),
                first.jsonPath().getList("title"));
        assertEquals(auditedBefore + 2, audited(patient));

        as(CASE_MANAGER).get("/tasks?kind=bored").then().statusCode(400).body("violations[0].field",
                org.hamcrest.Matchers.equalTo("kind"));
        as(CASE_MANAGER).get("/tasks?dueBefore=tomorrow").then().statusCode(400);
        as(CASE_MANAGER).get("/tasks?kind=check-in-due&patientId=" + patient + "&dueBefore="
                + today().minusDays(300).atStartOfDay(ZoneOffset.UTC).toInstant()).then().statusCode(200)
                .header("X-Total-Count", "3");
    }

    private long audited(UUID patient) {
        return Rows.count(entities, "SELECT count(*) FROM audit_event WHERE patient_id = ?1 AND action = 'read'",
                patient);
    }

    private String snapshot(UUID patient) {
        return Rows.list(entities, "SELECT kind || status || version || coalesce(assignee, '') FROM care_task WHERE "
                + "patient_id = ?1 ORDER BY kind, created_at", patient).toString();
    }

    static PlanApproved approved(UUID plan, UUID patient, LocalDate nextReviewDue) {
        return new PlanApproved(plan, patient, 1, Population.ADULT, new BigDecimal("9"), null, 10, nextReviewDue,
                Instant.now());
    }

    static MeasureWorsened worsened(UUID patient, UUID plan, String instrument, int baseline, int score) {
        return new MeasureWorsened(UUID.randomUUID(), patient, plan, instrument, baseline, score, Instant.now());
    }

    static EngagementAlert engagement(UUID patient, String week) {
        return new EngagementAlert(patient, EngagementRisk.BELOW_WEEKLY_MINIMUM, week, new BigDecimal("4"),
                new BigDecimal("9"), 0, Instant.now());
    }
}
