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
import io.cairn.testkit.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The count of enrollments under their weekly target is kept as attendance and enrollments change, and always agrees
 * with the count from attendance itself (the list's X-Total-Count).
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
    }

    @Test
    void theUnderTargetTotalAgreesWithAttendanceAndARecountPutsRightWhatWasMiscounted() {
        LocalDate monday = today().minusYears(4).with(DayOfWeek.MONDAY);
        String week = ClinicCalendar.isoWeek(monday);
        UUID attended = enroll(2.0);
        enroll(2.0);
        String group = session("facilitator-" + UUID.randomUUID(), monday, "18:00", "21:00", 5);
        book(group, attended).statusCode(201);
        attend(group, attended, "present", 180);

        String total = as(SCHEDULER).queryParam("isoWeek", week).queryParam("size", 1).get("/hours/under-target")
                .then().statusCode(200).extract().header("X-Total-Count");
        assertEquals(String.valueOf(count(UNDER_FROM_ATTENDANCE, week)), total);

        // A miscount (such as two concurrent changes of one patient, each reading the other's old row) ...
        sql("insert into week_targets_met (iso_week, enrollments) values (?1, 5)", week);
        assertEquals(count(UNDER_FROM_ATTENDANCE, week) - 5, underTarget(week));
        // ... lasts until the next recount, which leaves one row for the week: its exact count.
        compliance.recount();
        assertEquals(count(UNDER_FROM_ATTENDANCE, week), underTarget(week));
        assertEquals(1L, count("select count(*) from week_targets_met where iso_week = ?1", week));
        assertEquals(1L, count("select sum(enrollments) from week_targets_met where iso_week = ?1", week));
    }

    private void assertMet(String week, long expected) {
        assertEquals(expected, count(MET_FROM_ATTENDANCE, week), "met, counted from attendance");
        assertEquals(expected, count("select coalesce(sum(enrollments), 0) from week_targets_met where iso_week = ?1",
                week), "met, as kept");
        assertEquals(count(UNDER_FROM_ATTENDANCE, week), underTarget(week), "under target");
    }

    private long underTarget(String week) {
        return QuarkusTransaction.requiringNew().call(() -> compliance.underTarget(week));
    }

    private UUID enroll(double target) {
        UUID patient = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into enrollment (id, patient_id, plan_id, status, weekly_hours_target, population, decided_at,
                                        version)
                values (?1, ?2, ?3, 'ENROLLED', ?4, 'ADULT', now(), 0)""").setParameter(1, UUID.randomUUID())
                .setParameter(2, patient).setParameter(3, UUID.randomUUID()).setParameter(4, target).executeUpdate());
        return patient;
    }

    private void sql(String statement, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(statement).setParameter(1, parameter)
                .executeUpdate());
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.count(entities, sql, parameters));
    }
}
