package io.cairn.scheduling.api;

import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.scheduling.domain.Attendance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttendanceView", example = """
        {"id":"0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b","sessionId":"4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f",
         "patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","status":"present","minutesAttended":180,"mode":"in-person",
         "sessionDate":"2026-11-30","isoWeek":"2026-W49","recordedBy":"scheduler","recordedAt":"2026-11-30T21:05:00Z"}""")
public record AttendanceView(UUID id, UUID sessionId, UUID patientId, AttendanceStatus status, int minutesAttended,
        AttendanceMode mode, LocalDate sessionDate, String isoWeek, String recordedBy, Instant recordedAt) {

    static AttendanceView of(Attendance a) {
        return new AttendanceView(a.id, a.sessionId, a.patientId, a.status, a.minutesAttended, a.mode, a.sessionDate,
                a.isoWeek, a.recordedBy, a.recordedAt);
    }
}
