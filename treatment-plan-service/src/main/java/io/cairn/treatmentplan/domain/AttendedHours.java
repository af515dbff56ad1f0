package io.cairn.treatmentplan.domain;

import java.time.temporal.ChronoUnit;
import jakarta.persistence.EntityManager;
import io.cairn.contracts.events.ProgramHours;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The sessions a patient attended, as scheduling reports them, and the hours they make each ISO week. */
@ApplicationScoped
public class AttendedHours {

    private final TreatmentPlans plans;

    private final ClinicCalendar calendar;
    private final PatientAccess access;
    private final EntityManager entities;

    AttendedHours(TreatmentPlans plans, ClinicCalendar calendar, PatientAccess access, EntityManager entities) {
        this.entities = entities;
        this.access = access;
        this.calendar = calendar;
        this.plans = plans;
    }

    /** Keeps one attendance; a correction of the same attendance replaces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAttendance(AttendanceRecorded attended) {
        AttendanceRecord record = AttendanceRecord.findById(attended.attendanceId());
        if (record == null) {
            record = new AttendanceRecord();
            record.attendanceId = attended.attendanceId();
        }
        record.patientId = attended.patientId();
        record.sessionId = attended.sessionId();
        record.sessionDate = attended.sessionDate();
        record.isoWeek = ClinicCalendar.isoWeek(attended.sessionDate());
        record.status = attended.status();
        record.minutesAttended = attended.minutesAttended();
        record.recordedAt = attended.recordedAt();
        record.persist();
    }

    /** Keeps the track the plan's patient was placed in; a waitlisting places them in none, and changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(PatientEnrolled enrolled) {
        if (enrolled.trackId() != null) {
            entities.createNativeQuery("INSERT INTO plan_track (plan_id, track_id) VALUES (?1, ?2) "
                    + "ON CONFLICT (plan_id) DO UPDATE SET track_id = EXCLUDED.track_id")
                    .setParameter(1, enrolled.planId()).setParameter(2, enrolled.trackId()).executeUpdate();
        }
    }

    /**
     * The hours the episode attended from approval to its end against its weekly hours over those days, and the track
     * it was last placed in: sent with the episode's end, for the outcomes by track. Null for a plan never approved:
     * it asked for no hours.
     */
    ProgramHours atEnd(TreatmentPlan plan) {
        if (plan.approvedAt == null || plan.weeklyHours == null) {
            return null;
        }
        LocalDate approvedOn = calendar.dateOf(plan.approvedAt);
        long days = ChronoUnit.DAYS.between(approvedOn, plan.endedOn) + 1;
        BigDecimal expected = plan.weeklyHours.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(7), 1, RoundingMode.HALF_UP);
        BigDecimal attended = hours(attendanceSinceApproval(plan).stream().mapToLong(r -> r.minutesAttended).sum());
        List<?> track = entities.createNativeQuery("SELECT track_id FROM plan_track WHERE plan_id = ?1")
                .setParameter(1, plan.id).getResultList();
        return new ProgramHours(track.isEmpty() ? null : (UUID) track.get(0), attended, expected);
    }

    /**
     * The plan's weekly target (treatment-plans) against the hours attended (attendance, as scheduling's
     * {@code /patients/{id}/hours} releases them): the caller needs both, and an EHR's read is a disclosure of each.
     */
    @Transactional
    public List<WeeklyHours> weeklyHours(UUID id) {
        TreatmentPlan plan = plans.get(id);
        access.read(RecordCategory.ATTENDANCE, "weekly-hours", plan.id, plan.patientId);
        Map<String, long[]> byWeek = new TreeMap<>();
        for (AttendanceRecord record : attendanceSinceApproval(plan)) {
            long[] week = byWeek.computeIfAbsent(record.isoWeek, w -> new long[2]);
            week[0] += record.minutesAttended;
            week[1] += record.minutesAttended > 0 ? 1 : 0;
        }
        List<WeeklyHours> weeks = new ArrayList<>();
        byWeek.forEach((week, totals) -> {
            BigDecimal hours = hours(totals[0]);
            weeks.add(new WeeklyHours(week, hours, totals[1], plan.weeklyHours,
                    hours.compareTo(plan.weeklyHours) >= 0));
        });
        return weeks;
    }

    List<AttendanceRecord> attendanceSinceApproval(TreatmentPlan plan) {
        if (plan.approvedAt == null) {
            return List.of();
        }
        LocalDate from = calendar.dateOf(plan.approvedAt);
        if (plan.endedOn == null) {
            return AttendanceRecord.list("patientId = ?1 and sessionDate >= ?2 and status <> ?3", plan.patientId, from,
                    AttendanceStatus.ABSENT);
        }
        return AttendanceRecord.list("patientId = ?1 and sessionDate between ?2 and ?3 and status <> ?4",
                plan.patientId, from, plan.endedOn, AttendanceStatus.ABSENT);
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
