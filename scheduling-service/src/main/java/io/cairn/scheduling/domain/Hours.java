package io.cairn.scheduling.domain;

import io.cairn.kit.api.ClinicCalendar;
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

/** Hours attended per ISO week against the weekly target, from each week's minutes kept beside attendance. */
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

    // Every enrollment under its target in week ?1: the week's minutes (attendance_week, kept beside attendance),
    // rounded as hours() rounds. The status is a literal so that the partial index of V2 applies; one line in lower
    // case, as Hibernate writes its own SQL, so that a logged plan (auto_explain) shows the whole statement.
    private static final String UNDER_TARGET = "from enrollment e left join attendance_week w on w.iso_week = ?1 "
            + "and w.patient_id = e.patient_id where e.status = 'ENROLLED' "
            + "and round(coalesce(w.minutes_attended, 0) / 60.0, 1) < e.weekly_hours_target";
    private static final String UNDER_TARGET_WINDOW = "select e.id, e.patient_id, e.weekly_hours_target, "
            + "coalesce(w.minutes_attended, 0) " + UNDER_TARGET + " order by e.patient_id, e.id limit ?2 offset ?3";

    private final ClinicCalendar calendar;
    private final PatientAccess access;
    private final WeeklyCompliance compliance;
    private final EntityManager entities;

    Hours(ClinicCalendar calendar, PatientAccess access, WeeklyCompliance compliance, EntityManager entities) {
        this.calendar = calendar;
        this.access = access;
        this.compliance = compliance;
        this.entities = entities;
    }

    public BigDecimal attendedIn(UUID patientId, String isoWeek) {
        List<?> minutes = entities.createNativeQuery("select minutes_attended from attendance_week "
                + "where patient_id = ?1 and iso_week = ?2").setParameter(1, patientId).setParameter(2, isoWeek)
                .getResultList();
        return hours(minutes.isEmpty() ? 0 : ((Number) minutes.get(0)).longValue());
    }

    @Transactional
    public List<Week> weeks(UUID patientId) {
        BigDecimal target = Enrollment.<Enrollment> find("patientId = ?1 and status <> ?2 order by decidedAt desc",
                patientId, EnrollmentStatus.WAITLISTED).firstResultOptional().map(e -> e.weeklyHoursTarget)
                .orElse(BigDecimal.ZERO);
        Map<String, Long> minutes = new TreeMap<>();
        for (Object row : entities.createNativeQuery("select iso_week, minutes_attended from attendance_week "
                + "where patient_id = ?1 and sessions_counted > 0").setParameter(1, patientId).getResultList()) {
            Object[] week = (Object[]) row;
            minutes.put((String) week[0], ((Number) week[1]).longValue());
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
        PageOf<PatientUnderTarget> found = window.of(under, () -> compliance.underTarget(isoWeek));
        access.readAll(RecordCategory.ATTENDANCE, "weekly-hours", found.items(), u -> isoWeek,
                PatientUnderTarget::patientId);
        return found;
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
