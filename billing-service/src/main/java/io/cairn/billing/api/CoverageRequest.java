package io.cairn.billing.api;

import io.cairn.billing.domain.CoverageRank;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CoverageRequest", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21",
         "rank":"primary","memberId":"XJH448812","groupNumber":"G-20931","planName":"Blue Valley PPO",
         "subscriber":{"givenName":"Ana","familyName":"Rivera","birthDate":"1988-04-12","sex":"female",
                       "addressLine":"14 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
         "startsOn":"2026-11-01"}""")
public record CoverageRequest(@NotNull UUID patientId, @NotNull UUID payerId, @NotNull CoverageRank rank,
        @Schema(description = "The patient's id with the payer, as on their insurance card") @NotBlank @Size(max = 80) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String memberId,
        @Size(max = 50) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String groupNumber,
        @Size(max = 200) String planName, @Valid @NotNull Subscriber subscriber,
        @NotNull LocalDate startsOn,
        @Schema(description = "The last day covered; none while the coverage lasts") LocalDate endsOn) {
}
