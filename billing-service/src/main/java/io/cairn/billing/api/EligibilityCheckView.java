package io.cairn.billing.api;

import io.cairn.billing.domain.EligibilityCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityCheck", example = """
        {"id":"8f2c4a6e-1b3d-4c5e-9a7f-2d4b6c8e0a13","coverageId":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30",
         "patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","traceNumber":"8F2C4A6E1B3D4C5E9A7F2D4B6C8E0A",
         "requestedAt":"2026-11-01T09:00:00Z","answeredAt":"2026-11-01T09:05:00Z","active":true,
         "planBeginsOn":"2026-01-01","planEndsOn":"2026-12-31","activeServices":["30","MH","AI"],"rejections":[]}""")
public record EligibilityCheckView(UUID id, UUID coverageId, UUID patientId,
        @Schema(description = "TRN02 of the 270; the payer's 271 names it again") String traceNumber,
        Instant requestedAt, @Schema(description = "None until the payer's 271 is brought back") Instant answeredAt,
        @Schema(description = "From the 271: whether the coverage is active (EB01 1); none until answered") Boolean active,
        LocalDate planBeginsOn, LocalDate planEndsOn,
        @Schema(description = "The service types the payer reported active: 30 the plan, MH mental health, AI substance use") List<String> activeServices,
        @Schema(description = "The payer's reasons for not answering (AAA03), e.g. 72 invalid member id, 75 subscriber not found") List<String> rejections) {

    static EligibilityCheckView of(EligibilityCheck check) {
        return new EligibilityCheckView(check.id, check.coverageId, check.patientId, check.traceNumber,
                check.requestedAt, check.answeredAt, check.active, check.planBeginsOn, check.planEndsOn,
                check.activeServices == null ? List.of() : check.activeServices,
                check.rejections == null ? List.of() : check.rejections);
    }
}
