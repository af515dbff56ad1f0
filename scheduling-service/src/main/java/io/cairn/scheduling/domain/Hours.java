package io.cairn.scheduling.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hours attended per ISO week against the weekly target, live from attendance. */
@ApplicationScoped
public class Hours {

    public enum Compliance {
        @com.fasterxml.jackson.annotation.JsonProperty("met")
        MET,
        /** The week is not over yet. */
        @com.fasterxml.jackson.annotation.JsonProperty("in-progress")
        IN_PROGRESS,
        @com.fasterxml.jackson.annotation.JsonProperty("under-target")
        UNDER_TARGET
    }

    @Schema(name = "WeekHours", example = """
            {"isoWeek":"2026-W49","hoursAttended":7.5,"target":9.0,"compliance":"under-target"}""")
    public record Week(String isoWeek, BigDecimal hoursAttended, BigDecimal target, Compliance compliance) {
    }

    @Schema(name = "PatientUnderTarget", example = """
            {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","enrollmentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "hoursAttended":3.0,"target":9.0}""")
    public record PatientUnderTarget(UUID patientId, UUID enrollmentId, BigDecimal hoursAttended, BigDecimal target) {
    }

    // Every enrollment under its target in week ?1: the week's attendance summed per patient, rounded as hours()
    // rounds. The statuses are literals so that the partial indexes of V2 apply; one line in lower case, as Hibernate
    // writes its own SQL, so that a logged plan (auto_explain) shows the whole statement.
    private static final String UNDER_TARGET = "from enrollment e left join (select a.patient_id, "
            + "sum(a.minutes_attended) as minutes from attendance a where a.iso_week = ?1 and a.status <> 'ABSENT' "
            + "group by a.patient_id) w on w.patient_id = e.patient_id where e.status = 'ENROLLED' "
            + "and round(coalesce(w.minutes, 0) / 60.0, 1) < e.weekly_hours_target";
    private static final String UNDER_TARGET_WINDOW = "select e.id, e.patient_id, e.weekly_hours_target, "
            + "coalesce(w.minutes, 0) " + UNDER_TARGET + " order by e.patient_id, e.id limit ?2 offset ?3";
    // Counted in the window's order: PostgreSQL then streams both indexes (a merge join) instead of hashing the week.
    private static final String UNDER_TARGET_COUNT = "select count(*) from (select e.id " + UNDER_TARGET
            + " order by e.patient_id, e.id) under";

    private final ClinicCalendar calendar;
    private final PatientAccess access;
    private final EntityManager entities;

    Hours(ClinicCalendar calendar, PatientAccess access, EntityManager entities) {
        this.calendar = calendar;
        this.access = access;
        this.entities = entities;
    }

    public BigDecimal attendedIn(UUID patientId, String isoWeek) {
        List<Attendance> attended = Attendance.list("patientId = ?1 and isoWeek = ?2 and status <> ?3", patientId,
                isoWeek, AttendanceStatus.ABSENT);
        return hours(attended.stream().mapToLong(a -> a.minutesAttended).sum());
    }

    @Transactional
    public List<Week> weeks(UUID patientId) {
        BigDecimal target = Enrollment.<Enrollment> find("patientId = ?1 and status <> ?2 order by decidedAt desc",
                patientId, EnrollmentStatus.WAITLISTED).firstResultOptional().map(e -> e.weeklyHoursTarget)
                .orElse(BigDecimal.ZERO);
        Map<String, Long> minutes = new TreeMap<>();
        for (Attendance a : Attendance.<Attendance> list("patientId = ?1 and status <> ?2", patientId,
                AttendanceStatus.ABSENT)) {
            minutes.merge(a.isoWeek, (long) a.minutesAttended, Long::sum);
        }
        String thisWeek = ClinicCalendar.isoWeek(calendar.today());
        minutes.putIfAbsent(thisWeek, 0L);
        List<Week> weeks = new ArrayList<>();
        minutes.forEach((week, total) -> {
            BigDecimal attended = hours(total);
            Compliance compliance = attended.compareTo(target) >= 0 ? Compliance.MET
                    : week.equals(thisWeek) ? Compliance.IN_PROGRESS : Compliance.UNDER_TARGET;
            weeks.add(new Week(week, attended, target, compliance));
        });
        return weeks;
    }

    /**
     * One window of everyone enrolled whose hours in the week are (so far) under their target, by patient; only the
     * patients in the window are audited.
     */
    @Transactional
    public PageOf<PatientUnderTarget> underTarget(String isoWeek, ListWindow.Window window) {
        List<PatientUnderTarget> under = new ArrayList<>();
        for (Object row : entities.createNativeQuery(UNDER_TARGET_WINDOW).setParameter(1, isoWeek)
                .setParameter(2, window.size()).setParameter(3, window.first()).getResultList()) {
            Object[] enrollment = (Object[]) row;
            under.add(new PatientUnderTarget((UUID) enrollment[1], (UUID) enrollment[0],
                    hours(((Number) enrollment[3]).longValue()), (BigDecimal) enrollment[2]));
        }
        PageOf<PatientUnderTarget> found = window.of(under, () -> ((Number) entities
                .createNativeQuery(UNDER_TARGET_COUNT).setParameter(1, isoWeek).getSingleResult()).longValue());
        access.readAll(RecordCategory.ATTENDANCE, "weekly-hours", found.items(), u -> isoWeek,
                PatientUnderTarget::patientId);
        return found;
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
