package io.cairn.intake.api;

import io.cairn.contracts.events.ReferralSource;
import io.cairn.intake.domain.ReferringContact;
import io.cairn.intake.domain.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralRequest", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","source":"hospital-step-down",
         "referringOrganization":"St. Mary's Hospital, inpatient unit 4B",
         "referringContact":{"name":"Dr. A. Okafor","phone":"+1 555 0199","email":"a.okafor@stmarys.example"},
         "reason":"Step-down after 7-day alcohol withdrawal management; needs structured outpatient care",
         "urgency":"urgent"}""")
public record ReferralRequest(
        @NotNull UUID patientId,
        @NotNull ReferralSource source,
        @Size(max = 200) String referringOrganization,
        @Valid ReferringContact referringContact,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull Urgency urgency) {
}
