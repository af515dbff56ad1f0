package io.cairn.scheduling.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.kit.events.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Raises {@code scheduling.engagement.alert}, once per occurrence: two consecutive unexcused absences, or a completed
 * ISO week under the weekly hours target.
 */
@ApplicationScoped
public class EngagementWatch {

    private final EntityManager entities;
    private final ClinicCalendar calendar;
    private final Hours hours;
    private final Outbox outbox;

    EngagementWatch(EntityManager entities, ClinicCalendar calendar, Hours hours, Outbox outbox) {
        this.entities = entities;
        this.calendar = calendar;
        this.hours = hours;
        this.outbox = outbox;
    }

    /** After an absence: a run of two or more unexcused absences is one occurrence, named by its first session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterAttendance(UUID patientId) {
        List<Attendance> latest = entities.createQuery("""
                select a from Attendance a, Session s where a.sessionId = s.id and a.patientId = ?1
                order by s.startsAt desc""", Attendance.class).setParameter(1, patientId).setMaxResults(20)
                .getResultList();
        int run = 0;
        while (run < latest.size() && latest.get(run).status == AttendanceStatus.ABSENT) {
            run++;
        }
        if (run >= 2) {
            Attendance first = latest.get(run - 1);
            Attendance last = latest.get(0);
            alertOnce(patientId, "absences:" + first.sessionId, EngagementRisk.MISSED_SESSIONS, last.isoWeek, run);
        }
    }

    /** Every Monday: the ISO week just completed, for everyone enrolled. */
    @Scheduled(cron = "{scheduling.week-check-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void checkLastWeek() {
        checkWeek(ClinicCalendar.isoWeek(calendar.today().minusWeeks(1)));
    }

    /** Alerts each enrolled patient whose hours in {@code isoWeek} stayed under the target. */
    @Transactional
    public void checkWeek(String isoWeek) {
        java.time.LocalDate weekStart = java.time.LocalDate.parse(isoWeek + "-1",
                java.time.format.DateTimeFormatter.ISO_WEEK_DATE);
        for (Enrollment enrollment : Enrollment.<Enrollment> list("status", EnrollmentStatus.ENROLLED)) {
            if (enrollment.startsOn != null && enrollment.startsOn.isAfter(weekStart)) {
                continue; // Enrolled during the week: it was not theirs to fill.
            }
            BigDecimal attended = hours.attendedIn(enrollment.patientId, isoWeek);
            if (attended.compareTo(enrollment.weeklyHoursTarget) < 0) {
                alertOnce(enrollment.patientId, "week:" + isoWeek, EngagementRisk.BELOW_WEEKLY_MINIMUM, isoWeek,
                        (int) Attendance.count("patientId = ?1 and isoWeek = ?2 and status = ?3",
                                enrollment.patientId, isoWeek, AttendanceStatus.ABSENT));
            }
        }
    }

    private void alertOnce(UUID patientId, String occurrence, EngagementRisk risk, String isoWeek, int missed) {
        int first = entities.createNativeQuery("""
                INSERT INTO engagement_alert_sent (patient_id, occurrence, sent_at) VALUES (?1, ?2, now())
                ON CONFLICT DO NOTHING""").setParameter(1, patientId).setParameter(2, occurrence).executeUpdate();
        if (first == 0) {
            return;
        }
        BigDecimal target = Enrollment.<Enrollment> find("patientId = ?1 and status = ?2", patientId,
                EnrollmentStatus.ENROLLED).firstResultOptional().map(e -> e.weeklyHoursTarget).orElse(BigDecimal.ZERO);
        outbox.publish(new EngagementAlert(patientId, risk, isoWeek, hours.attendedIn(patientId, isoWeek), target,
                missed, Instant.now()));
    }
}
