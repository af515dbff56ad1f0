package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.attend;
import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.scheduling.domain.WeeklyCompliance;
import io.agroal.api.AgroalDataSource;
import io.cairn.testkit.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The count of enrollments under their weekly target is kept as attendance and enrollments change, and agrees with the
 * count from attendance itself (the list's X-Total-Count); a change two transactions miscount is put right by the next
 * recount.
 */
@QuarkusTest
class WeeklyComplianceTest {

    // The definition the kept count must agree with: the list's own condition, counted from the week's attendance.
    private static final String MET_FROM_ATTENDANCE = """
            select count(*) from attendance_week w join enrollment e on e.patient_id = w.patient_id
            and e.status = 'ENROLLED' and e.weekly_hours_target > 0
            and round(w.minutes_attended / 60.0, 1) >= e.weekly_hours_target where w.iso_week = ?1""";
    private static final String UNDER_FROM_ATTENDANCE = """
            select count(*) from enrollment e left join attendance_week w on w.iso_week = ?1
            and w.patient_id = e.patient_id where e.status = 'ENROLLED'
            and round(coalesce(w.minutes_attended, 0) / 60.0, 1) < e.weekly_hours_target""";

    @Inject
    EntityManager entities;

    @Inject
    WeeklyCompliance compliance;

    @Inject
    AgroalDataSource database;

    @Test
    void attendanceCorrectionsTargetChangesAndEndingsEachMoveTheCountOfTheWeeksTheyTouch() {
        LocalDate monday = today().minusYears(3).with(DayOfWeek.MONDAY);
        String week = ClinicCalendar.isoWeek(monday);
        UUID steady = enroll(3.0);
        UUID late = enroll(3.0);
        UUID away = enroll(3.0);
        String group = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 5);
        book(group, steady).statusCode(201);
        book(group, late).statusCode(201);
        book(group, away).statusCode(201);

        attend(group, steady, "present", 180);
        attend(group, late, "late", 120);
        attend(group, away, "absent", 0);
        assertMet(week, 1);

        attend(group, late, "present", 180); // a correction: now 3.0 of 3.0
        assertMet(week, 2);

        sql("update enrollment set weekly_hours_target = 3.5 where patient_id = ?1", steady);
        assertMet(week, 1);

        sql("update enrollment set status = 'ENDED' where patient_id = ?1", late);
        assertMet(week, 0);

        sql("update enrollment set weekly_hours_target = 3.0 where patient_id = ?1", steady);
        sql("update enrollment set version = version + 1 where patient_id = ?1", steady); // no change to count
        assertMet(week, 1);

        sql("delete from attendance where patient_id = ?1", steady);
        assertMet(week, 0);

        enroll(late, 3.0); // enrolled again, with the week's 3.0 hours already attended
        assertMet(week, 1);
        enroll(away, 0.0); // no target: never under it, nor counted as meeting it
        assertMet(week, 1);

        long changes = count("select count(*) from enrollments_with_target");
        sql("update enrollment set version = version + 1 where patient_id = ?1", UUID.randomUUID()); // matches none
        assertEquals(changes, count("select count(*) from enrollments_with_target"), "no change, no row");
    }

    @Test
    void theUnderTargetTotalAgreesWithAttendance() {
        LocalDate monday = today().minusYears(4).with(DayOfWeek.MONDAY);
        String week = ClinicCalendar.isoWeek(monday);
        UUID attended = enroll(2.0);
        enroll(2.0);
        String group = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 5);
        book(group, attended).statusCode(201);
        attend(group, attended, "present", 180);

        var answer = as(SCHEDULER).queryParam("isoWeek", week).queryParam("size", 1).get("/hours/under-target")
                .then().statusCode(200).extract();
        long[] counts = underTargetKeptAndCounted(week);
        assertEquals(counts[1], counts[0]);
        assertEquals(String.valueOf(counts[1]), answer.header("X-Total-Count"));
    }

    @Test
    void aTargetChangedWhileTheSamePatientsAttendanceIsCorrectedIsPutRightByTheNextRecount() throws SQLException {
        LocalDate monday = today().minusYears(5).with(DayOfWeek.MONDAY);
        String week = ClinicCalendar.isoWeek(monday);
        UUID patient = enroll(9.0);
        String group = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 5);
        book(group, patient).statusCode(201);
        attend(group, patient, "late", 120); // 2.0 hours of 9.0
        compliance.recount();
        assertMet(week, 0);

        // Two transactions, neither waiting for the other: each one's trigger reads the other's old row.
        try (Connection target = database.getConnection(); Connection minutes = database.getConnection()) {
            target.setAutoCommit(false);
            minutes.setAutoCommit(false);
            update(target, "update enrollment set weekly_hours_target = 2.5 where patient_id = ?", patient);
            update(minutes, "update attendance set minutes_attended = 150 where patient_id = ?", patient);
            target.commit();
            minutes.commit();
        }
        // 2.5 hours of 2.5 is met, yet neither change counted it: one saw 2.0 hours against 2.5, the other 2.5 against 9.0
        // (a correction passes through 4.5 hours, which does not reach 9.0 either).
        assertEquals(1L, count(MET_FROM_ATTENDANCE, week));
        assertEquals(0L, count("select coalesce(sum(enrollments), 0) from week_targets_met where iso_week = ?1", week));

        compliance.recount();
        assertMet(week, 1);
        assertEquals(1L, count("select count(*) from week_targets_met where iso_week = ?1", week), "one row again");
    }

    private void assertMet(String week, long expected) {
        assertEquals(expected, count(MET_FROM_ATTENDANCE, week), "met, counted from attendance");
        assertEquals(expected, count("select coalesce(sum(enrollments), 0) from week_targets_met where iso_week = ?1",
                week), "met, as kept");
        long[] under = underTargetKeptAndCounted(week);
        assertEquals(under[1], under[0], "under target, as kept and as counted");
    }

    /** The total the service answers and the one counted from attendance, read together (one transaction). */
    private long[] underTargetKeptAndCounted(String week) {
        return QuarkusTransaction.requiringNew().call(() -> new long[] { compliance.underTarget(week),
                Rows.count(entities, UNDER_FROM_ATTENDANCE, week) });
    }

    private static void update(Connection connection, String statement, UUID patient) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, patient);
            assertEquals(1, update.executeUpdate());
        }
    }

    private UUID enroll(double target) {
        UUID patient = UUID.randomUUID();
        enroll(patient, target);
        return patient;
    }

    private void enroll(UUID patient, double target) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into enrollment (id, patient_id, plan_id, status, weekly_hours_target, population, decided_at,
                                        version)
                values (?1, ?2, ?3, 'ENROLLED', ?4, 'ADULT', now(), 0)""").setParameter(1, UUID.randomUUID())
                .setParameter(2, patient).setParameter(3, UUID.randomUUID()).setParameter(4, target).executeUpdate());
    }

    private void sql(String statement, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(statement).setParameter(1, parameter)
                .executeUpdate());
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.count(entities, sql, parameters));
    }
}
