package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code scheduling.attendance.recorded}: counts toward the weekly hours and the plan's objectives. */
public record AttendanceRecorded(UUID attendanceId, UUID patientId, UUID sessionId, SessionKind sessionKind,
        AttendanceStatus status, int minutesAttended, LocalDate sessionDate, Instant recordedAt)
        implements
            EventPayload {
}
