package io.cairn.intake.api;

import io.cairn.intake.domain.ReferralStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralTransitionRequest", example = """
        {"to":"assessment-scheduled","note":"Assessment booked for Tuesday 10:00 with the intake clinician"}""")
public record ReferralTransitionRequest(@NotNull ReferralStatus to, @Size(max = 1000) String note) {
}
