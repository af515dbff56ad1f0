package io.cairn.treatmentplan.api;

import io.cairn.contracts.events.LevelOfCare;
import io.cairn.treatmentplan.domain.NotAdmitted;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotAdmittedView", example = """
        {"assessmentId":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90","levelOfCare":"2.5",
         "reason":"The assessment decided level of care partial hospitalization, not intensive outpatient (2.1)",
         "recordedAt":"2026-11-24T12:00:00Z"}""")
public record NotAdmittedView(UUID assessmentId, LevelOfCare levelOfCare, String reason, Instant recordedAt) {

    public static NotAdmittedView of(NotAdmitted n) {
        return new NotAdmittedView(n.assessmentId, n.levelOfCare, n.reason, n.recordedAt);
    }
}
