package io.cairn.scheduling.api;

import io.cairn.scheduling.domain.Enrollment;
import io.cairn.scheduling.domain.EnrollmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnrollmentView", example = """
        {"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "planId":"2e6b9a10-3c4d-4e5f-8a7b-9c0d1e2f3a4b","trackId":"8b1e2c3d-4f5a-4b6c-9d7e-8f9a0b1c2d3e",
         "status":"enrolled","weeklyHoursTarget":9.0,"startsOn":"2026-11-30","waitlistReason":null,
         "decidedAt":"2026-11-25T09:00:01Z"}""")
public record EnrollmentView(UUID id, UUID patientId, UUID planId, UUID trackId, EnrollmentStatus status,
        BigDecimal weeklyHoursTarget, LocalDate startsOn, String waitlistReason, Instant decidedAt, LocalDate endedOn,
        String endReason) {

    static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.id, e.patientId, e.planId, e.trackId, e.status, e.weeklyHoursTarget, e.startsOn,
                e.waitlistReason, e.decidedAt, e.endedOn, e.endReason);
    }
}
