package io.cairn.billing.api;

import io.cairn.billing.domain.ClaimForm;
import io.cairn.billing.domain.Payer;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Payer", example = """
        {"id":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21","name":"Blue Valley Health Plan","payerCode":"BVHP1",
         "claimForm":"institutional","procedureCode":"S9480","revenueCode":"0905","placeOfService":"11",
         "telehealthPlaceOfService":"10","telehealthModifier":"95",
         "dayRate":310.00,"minimumMinutes":180,"claimFilingCode":"CI"}""")
public record PayerView(UUID id, String name, String payerCode, ClaimForm claimForm, String procedureCode,
        String revenueCode, String placeOfService, String telehealthPlaceOfService, String telehealthModifier,
        BigDecimal dayRate, int minimumMinutes, String claimFilingCode) {

    static PayerView of(Payer payer) {
        return new PayerView(payer.id, payer.name, payer.payerCode, payer.claimForm, payer.procedureCode,
                payer.revenueCode, payer.placeOfService, payer.telehealthPlaceOfService, payer.telehealthModifier,
                payer.dayRate, payer.minimumMinutes, payer.claimFilingCode);
    }
}
