package io.cairn.billing.api;

import io.cairn.billing.domain.Claim;
import io.cairn.billing.domain.ClaimForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Claim", example = """
        {"id":"5e1a7c3b-9d2f-4b8e-a6c1-3f7d2e9b1a40","claimNumber":"5E1A7C3B9D2F4B8EA6C1",
         "patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "coverageId":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30","payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21",
         "claimForm":"institutional","consentId":"7a9c2e4f-1b3d-4f6a-8c2e-9d1b3f5a7c20","firstDay":"2026-11-02",
         "lastDay":"2026-11-05","total":620.00,"paid":0,"fileId":"2b7d4f1a-6c3e-4a9b-8d2f-1e5c7a3b9d60","createdAt":"2026-12-01T09:00:00Z",
         "charges":[{"id":"9d3f1b7a-2c4e-4a8b-9e1f-6b2d8c4a1e53","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
           "serviceDate":"2026-11-02","coverageId":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30",
           "payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21","claimForm":"institutional","procedureCode":"S9480",
           "revenueCode":"0905","placeOfService":"11","units":1,"amount":310.00,"minutesDocumented":180,
           "status":"claimed","voidReason":null,"claimId":"5e1a7c3b-9d2f-4b8e-a6c1-3f7d2e9b1a40"}]}""")
public record ClaimView(UUID id,
        @Schema(description = "The claim's number on the 837 (CLM01) and on the payer's 835 (CLP01)") String claimNumber,
        UUID patientId, UUID coverageId, UUID payerId, ClaimForm claimForm,
        @Schema(description = "The patient's Part 2 consent for payment the claim's disclosure rests on") UUID consentId,
        LocalDate firstDay, LocalDate lastDay, BigDecimal total,
        @Schema(description = "What the payer paid for it, across the remittances posted (a reversal counts negative)") BigDecimal paid,
        @Schema(description = "The 837 the claim was sent in") UUID fileId, Instant createdAt,
        @Schema(description = "The claim's lines, by day") List<ChargeView> charges) {

    static ClaimView of(Claim claim) {
        return new ClaimView(claim.id, claim.claimNumber, claim.patientId, claim.coverageId, claim.payerId, claim.claimForm,
                claim.consentId, claim.firstDay, claim.lastDay, claim.total, claim.paid(), claim.fileId, claim.createdAt,
                claim.charges().stream().map(ChargeView::of).toList());
    }
}
