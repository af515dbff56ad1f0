package io.cairn.scheduling.domain;

import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ClinicCalendar calendar;
    private final PatientAccess access;

    Hours(ClinicCalendar calendar, PatientAccess access) {
        this.calendar = calendar;
        this.access = access;
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

    /** Everyone enrolled whose hours in the week are (so far) under their target. */
    @Transactional
    public List<PatientUnderTarget> underTarget(String isoWeek) {
        List<PatientUnderTarget> under = new ArrayList<>();
        for (Enrollment e : Enrollment.<Enrollment> list("status", EnrollmentStatus.ENROLLED)) {
            BigDecimal attended = attendedIn(e.patientId, isoWeek);
            if (attended.compareTo(e.weeklyHoursTarget) < 0) {
                access.read(RecordCategory.ATTENDANCE, "weekly-hours", isoWeek, e.patientId);
                under.add(new PatientUnderTarget(e.patientId, e.id, attended, e.weeklyHoursTarget));
            }
        }
        return under;
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
