package io.cairn.intake.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param referralId the referral the assessment answers, when there is one */
@Schema(name = "StartAssessmentRequest", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","referralId":"0b7e4f0e-7d6a-4c36-8f0e-51a8f0d7c1aa"}""")
public record StartAssessmentRequest(@NotNull UUID patientId, UUID referralId) {
}
