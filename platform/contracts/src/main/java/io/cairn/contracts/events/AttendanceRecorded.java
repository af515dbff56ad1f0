package io.cairn.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code scheduling.attendance.recorded}: counts toward the weekly hours and the plan's objectives, and is what a
 * day's charge rests on.
 *
 * @param mode how the patient attended: in person or by telehealth (a telehealth day is billed with the payer's
 *        telehealth place of service and modifier); null in events published before it was kept, read as in person
 */
public record AttendanceRecorded(UUID attendanceId, UUID patientId, UUID sessionId, SessionKind sessionKind,
        AttendanceStatus status, int minutesAttended, LocalDate sessionDate, Instant recordedAt,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) AttendanceMode mode)
        implements
            EventPayload {

    /** As an older scheduling published it: the mode unknown. */
    public AttendanceRecorded(UUID attendanceId, UUID patientId, UUID sessionId, SessionKind sessionKind,
            AttendanceStatus status, int minutesAttended, LocalDate sessionDate, Instant recordedAt) {
        this(attendanceId, patientId, sessionId, sessionKind, status, minutesAttended, sessionDate, recordedAt, null);
    }
}
