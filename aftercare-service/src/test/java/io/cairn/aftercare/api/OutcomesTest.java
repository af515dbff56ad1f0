package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.as;
import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.gad7;
import static io.cairn.aftercare.api.Aftercare.graduated;
import static io.cairn.aftercare.api.Aftercare.outcome;
import static io.cairn.aftercare.api.Aftercare.phq9;
import static io.cairn.aftercare.api.Aftercare.referralsOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.cairn.aftercare.domain.CheckIns;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AsamRatings;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.ProgramHours;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.MeasureAtEnd;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outcome figures against a fixture computed by hand. Four patients discharged on 10 January 2020:
 * <ul>
 * <li>A: reached on the discharge date itself (does not count), again on day 30 (counts for 30 days); relapse at
 * the first check-in; PHQ-9 15 → 5 and GAD-7 10 → 4 at 90 days; readmitted.</li>
 * <li>B: reached on day 7 (the edge: counts for 7 and 30 days); PHQ-9 12 → 8 at 90 days, no GAD-7 re-screen.</li>
 * <li>C: reached on day 8 (only within 30 days).</li>
 * <li>D: not reached on day 7; reached on day 31 (counts for neither).</li>
 * </ul>
 * Follow-up within 7 days: B → 1 of 4. Within 30 days: A, B, C → 3 of 4. 7-day check-ins: 4 completed. 30-day: A and
 * D completed, B and C missed once their window closed. Relapse: A → 1 of 4. Mean change at 90 days: PHQ-9
 * ((5 − 15) + (8 − 12)) / 2 = −7.0; GAD-7 (4 − 10) / 1 = −6.0. Readmissions: 1.
 */
@QuarkusTest
class OutcomesTest {

    static final LocalDate DISCHARGED = LocalDate.parse("2020-01-10");

    @Inject
    CheckIns checkIns;
    @Inject
    EntityManager entities;

    @Test
    void outcomeFiguresMatchTheHandComputedFixture() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        EventRecords.send(EventRecords.of(graduated(a, DISCHARGED)), EventRecords.of(graduated(b, DISCHARGED)),
                EventRecords.of(graduated(c, DISCHARGED)), EventRecords.of(graduated(d, DISCHARGED)),
                EventRecords.of(assessment(a, 15, 10)), EventRecords.of(assessment(b, 12, 9)),
                EventRecords.of(new ReferralReceived(UUID.randomUUID(), a, ReferralSource.AFTERCARE_RELAPSE, true,
                        null, Instant.parse("2020-01-12T09:00:00Z"))));
        for (UUID patient : List.of(a, b, c, d)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> referralsOf(patient).getList("").size() == 1);
        }
        // Intake's events travel on another topic: wait until the baselines and the readmission are in too.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from intake_baseline "
                + "where patient_id in (?1, ?2)", a, b) == 2
                && count("select count(*) from readmission where patient_id = ?1 and ?2 is not null", a, a) == 1);
        String ra = referralsOf(a).getString("[0].id");
        String rb = referralsOf(b).getString("[0].id");
        String rc = referralsOf(c).getString("[0].id");
        String rd = referralsOf(d).getString("[0].id");

        record(ra, 7, DISCHARGED, true, true, "null", "null");
        record(ra, 30, DISCHARGED.plusDays(30), true, false, "null", "null");
        record(ra, 90, DISCHARGED.plusDays(90), true, false, phq9(5), gad7(4));
        record(rb, 7, DISCHARGED.plusDays(7), true, false, "null", "null");
        record(rb, 90, DISCHARGED.plusDays(91), true, false, phq9(8), "null");
        record(rc, 7, DISCHARGED.plusDays(8), true, false, "null", "null");
        record(rd, 7, DISCHARGED.plusDays(7), false, false, "null", "null");
        record(rd, 30, DISCHARGED.plusDays(31), true, false, "null", "null");
        checkIns.markMissed(LocalDate.parse("2020-03-01"));

        as(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).queryParam("from", "2020-01-01").queryParam("to", "2020-01-31")
                .get("/outcomes").then().statusCode(200)
                .body("discharged", equalTo(4))
                .body("followUpWithin7Days", equalTo(1))
                .body("followUpWithin7DaysRate", equalTo(0.25f))
                .body("followUpWithin30Days", equalTo(3))
                .body("followUpWithin30DaysRate", equalTo(0.75f))
                .body("checkInCompletion.find { it.days == 7 }.completed", equalTo(4))
                .body("checkInCompletion.find { it.days == 7 }.completionRate", equalTo(1.0f))
                .body("checkInCompletion.find { it.days == 30 }.completed", equalTo(2))
                .body("checkInCompletion.find { it.days == 30 }.missed", equalTo(2))
                .body("checkInCompletion.find { it.days == 30 }.completionRate", equalTo(0.5f))
                .body("checkInCompletion.find { it.days == 90 }.completed", equalTo(2))
                .body("patientsWithRelapse", equalTo(1))
                .body("relapseRate", equalTo(0.25f))
                .body("meanPhq9ChangeAt90Days", equalTo(-7.0f))
                .body("meanGad7ChangeAt90Days", equalTo(-6.0f))
                .body("readmissions", equalTo(1));
        as(CASE_MANAGER).queryParam("from", "2020-01-01").queryParam("to", "2020-01-31").get("/outcomes").then()
                .statusCode(403);
    }

    /**
     * Three episodes ending in March 2020, two in one track and one in another: two graduations (PHQ-9 14 → 6 and GAD-7
     * 12 → 5, 30 of 36 hours; PHQ-9 10 → 12, 27 of 27 hours in the other track) and a discharge with no series (6 of 18
     * hours). Completion 2 of 3; change at discharge PHQ-9 ((6 − 14) + (12 − 10)) / 2 = −3.0, GAD-7 −7.0. By track:
     * the first, 1 of 2 graduated, 36 of 54 hours (0.667); the other, 1 of 1, 27 of 27 (1.0). A duplicate delivery
     * counts once.
     */
    @Test
    void completionTheChangeAtDischargeAndTheHoursByTrackComeFromHowEachEpisodeEnded() {
        LocalDate march = LocalDate.parse("2020-03-12");
        AftercareNeeds none = new AftercareNeeds(List.of(), List.of(), List.of());
        UUID evening = UUID.randomUUID();
        UUID morning = UUID.randomUUID();
        var first = EventRecords.of(new PatientGraduated(UUID.randomUUID(), UUID.randomUUID(), march, none,
                Instant.now(), List.of(new MeasureAtEnd("PHQ-9", 14, 6), new MeasureAtEnd("GAD-7", 12, 5)),
                new ProgramHours(evening, new BigDecimal("30.0"), new BigDecimal("36.0"))));
        UUID dischargedPatient = UUID.randomUUID();
        EventRecords.send(first, first,
                EventRecords.of(new PatientGraduated(UUID.randomUUID(), UUID.randomUUID(), march.plusDays(1), none,
                        Instant.now(), List.of(new MeasureAtEnd("PHQ-9", 10, 12)),
                        new ProgramHours(morning, new BigDecimal("27.0"), new BigDecimal("27.0")))),
                EventRecords.of(new PatientDischarged(UUID.randomUUID(), dischargedPatient, DischargeReason.MOVED,
                        march.plusDays(2), none, Instant.now(), List.of(),
                        new ProgramHours(evening, new BigDecimal("6.0"), new BigDecimal("18.0")))));
        // Keyed by patient, the three travel on different partitions: wait for all of them.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from program_ending "
                + "where track_id in (?1, ?2)", evening, morning) == 3);

        as(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).queryParam("from", "2020-03-01").queryParam("to", "2020-03-31")
                .get("/outcomes").then().statusCode(200)
                .body("episodesEnded", equalTo(3))
                .body("graduated", equalTo(2))
                .body("completionRate", equalTo(0.667f))
                .body("meanPhq9ChangeAtDischarge", equalTo(-3.0f))
                .body("meanGad7ChangeAtDischarge", equalTo(-7.0f))
                .body("byTrack", hasSize(2))
                .body("byTrack.find { it.trackId == '" + evening + "' }.episodesEnded", equalTo(2))
                .body("byTrack.find { it.trackId == '" + evening + "' }.completionRate", equalTo(0.5f))
                .body("byTrack.find { it.trackId == '" + evening + "' }.hoursAttended", equalTo(36.0f))
                .body("byTrack.find { it.trackId == '" + evening + "' }.hoursExpected", equalTo(54.0f))
                .body("byTrack.find { it.trackId == '" + evening + "' }.hoursCompliance", equalTo(0.667f))
                .body("byTrack.find { it.trackId == '" + morning + "' }.hoursCompliance", equalTo(1.0f));
        as(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).queryParam("from", "2020-04-01").queryParam("to", "2020-04-30")
                .get("/outcomes").then().statusCode(200).body("episodesEnded", equalTo(0))
                .body("completionRate", nullValue()).body("meanPhq9ChangeAtDischarge", nullValue())
                .body("byTrack", hasSize(0));
    }

    private long count(String sql, UUID first, UUID second) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql)
                .setParameter(1, first).setParameter(2, second).getSingleResult()).longValue());
    }

    private static void record(String referral, int milestone, LocalDate contactedOn, boolean reached,
            boolean relapse, String phq9, String gad7) {
        as(CASE_MANAGER).body(outcome(contactedOn, reached, relapse, phq9, gad7))
                .post("/check-ins/" + checkIn(referral, milestone) + "/outcome").then().statusCode(200);
    }

    private static AssessmentCompleted assessment(UUID patient, int phq9, int gad7) {
        return new AssessmentCompleted(UUID.randomUUID(), patient, Population.ADULT, LevelOfCare.INTENSIVE_OUTPATIENT,
                LevelOfCare.INTENSIVE_OUTPATIENT, null, new AsamRatings(1, 0, 2, 2, 2, 1),
                List.of(new ScreenerResult("PHQ-9", phq9, "moderate", false, List.of()),
                        new ScreenerResult("GAD-7", gad7, "moderate", false, List.of())),
                false, List.of("alcohol"), false, List.of(), List.of(), null, Instant.parse("2019-11-01T10:00:00Z"));
    }
}
