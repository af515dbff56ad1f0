package io.cairn.billing.api;

import io.cairn.billing.domain.Claims;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClaimRun", example = """
        {"claims":[],"fileId":null,"held":[{"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","charges":4,
          "reason":"No active Part 2 consent of the patient's lets their demographics, attendance and assessments go to Blue Valley Health Plan (recipient BVHP1) for payment"}]}""")
public record ClaimRunView(@Schema(description = "The claims made") List<ClaimView> claims,
        @Schema(description = "The 837 the claims were written to (GET /claim-files/{id}); none when nothing was claimed") UUID fileId,
        @Schema(description = "The patients whose open charges were not claimed, and why") List<HeldView> held) {

    @Schema(name = "HeldCharges", example = """
            {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","charges":4,
             "reason":"No active Part 2 consent of the patient's lets their demographics, attendance and assessments go to Blue Valley Health Plan (recipient BVHP1) for payment"}""")
    public record HeldView(UUID patientId, @Schema(description = "Open charges left unclaimed") int charges,
            String reason) {
    }

    static ClaimRunView of(Claims.Run run) {
        return new ClaimRunView(run.claims().stream().map(ClaimView::of).toList(), run.fileId(), run.held().stream()
                .map(held -> new HeldView(held.patientId(), held.charges(), held.reason())).toList());
    }
}
