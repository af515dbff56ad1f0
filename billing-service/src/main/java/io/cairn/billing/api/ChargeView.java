package io.cairn.billing.api;

import io.cairn.billing.domain.Charge;
import io.cairn.billing.domain.ChargeStatus;
import io.cairn.billing.domain.ClaimForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Charge", example = """
        {"id":"9d3f1b7a-2c4e-4a8b-9e1f-6b2d8c4a1e53","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "serviceDate":"2026-11-02","coverageId":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30",
         "payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21","claimForm":"institutional","procedureCode":"S9480","modifier":null,
         "revenueCode":"0905","placeOfService":"11","units":1,"amount":310.00,"minutesDocumented":180,
         "status":"open","voidReason":null,"claimId":null}""")
public record ChargeView(UUID id, UUID patientId, LocalDate serviceDate, UUID coverageId, UUID payerId,
        ClaimForm claimForm, String procedureCode,
        @Schema(description = "The procedure's modifier: the payer's telehealth modifier on a day attended wholly by telehealth") String modifier,
        String revenueCode, String placeOfService, int units,
        BigDecimal amount, @Schema(description = "The minutes attended that day") int minutesDocumented,
        ChargeStatus status, @Schema(description = "Why a void charge is not to be claimed") String voidReason,
        @Schema(description = "The claim a claimed charge is on") UUID claimId) {

    static ChargeView of(Charge charge) {
        return new ChargeView(charge.id, charge.patientId, charge.serviceDate, charge.coverageId, charge.payerId,
                charge.claimForm, charge.procedureCode, charge.modifier, charge.revenueCode, charge.placeOfService,
                charge.units,
                charge.amount, charge.minutesDocumented, charge.status, charge.voidReason, charge.claimId);
    }
}
