package io.cairn.aftercare.api;

import io.cairn.aftercare.domain.AftercareItem;
import io.cairn.aftercare.domain.AftercareReferral;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AftercareReferralView", example = """
        {"id":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "planId":"2e6b9a10-3c4d-4e5f-8a7b-9c0d1e2f3a4b","outreach":false,"dischargedOn":"2027-01-22",
         "caseManager":"case-manager-on-duty","firstContactDueBy":null,"createdAt":"2027-01-22T17:00:00Z",
         "items":[{"kind":"step-down-therapy","description":"Weekly outpatient therapy (ASAM level 1)",
                   "provider":null,"contact":null,"status":"planned","startsOn":"2027-01-29"}]}""")
public record AftercareReferralView(UUID id, UUID patientId, UUID planId, boolean outreach, LocalDate dischargedOn,
        String caseManager,
        @Schema(nullable = true, description = "After a discharge against medical advice, when the outreach is due (72 hours); null otherwise") Instant firstContactDueBy,
        Instant createdAt, List<AftercareItem> items) {

    static AftercareReferralView of(AftercareReferral r) {
        return new AftercareReferralView(r.id, r.patientId, r.planId, r.outreach, r.dischargedOn, r.caseManager,
                r.firstContactDueBy, r.createdAt, r.items);
    }
}
