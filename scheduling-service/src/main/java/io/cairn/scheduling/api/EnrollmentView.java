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
         "decidedAt":"2026-11-25T09:00:01Z","endedOn":null,"endReason":null}""")
public record EnrollmentView(UUID id, UUID patientId, UUID planId,
        @Schema(nullable = true, description = "The track; null while waitlisted, and when the enrollment ended on the waitlist") UUID trackId,
        EnrollmentStatus status, BigDecimal weeklyHoursTarget,
        @Schema(nullable = true, description = "The date of the first session booked in the track, or the day placed when none could be booked yet; null while waitlisted, and when the enrollment ended on the waitlist") LocalDate startsOn,
        @Schema(nullable = true, description = "Why no track fits; null once the patient is placed in a track") String waitlistReason,
        Instant decidedAt,
        @Schema(nullable = true, description = "The day the episode ended; null until it ends") LocalDate endedOn,
        @Schema(nullable = true, description = "graduated, or the discharge with its reason, e.g. discharged: moved; null until the episode ends") String endReason) {

    static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.id, e.patientId, e.planId, e.trackId, e.status, e.weeklyHoursTarget, e.startsOn,
                e.waitlistReason, e.decidedAt, e.endedOn, e.endReason);
    }
}
