package io.cairn.billing.api;

import io.cairn.billing.domain.Remittances;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Remittance", example = """
        {"id":"3c8e1f5a-7b2d-4e9c-a1f6-5d3b8e2c7a90","traceNumber":"EFT20261215001","paidOn":"2026-12-15",
         "total":620.00,"alreadyPosted":false,
         "posted":[{"claimId":"5e1a7c3b-9d2f-4b8e-a6c1-3f7d2e9b1a40","statusCode":"1","charged":930.00,"paid":620.00,
                    "lines":3}],
         "unmatched":[]}""")
public record RemittanceView(UUID id, @Schema(description = "The check or EFT trace number (TRN02)") String traceNumber,
        LocalDate paidOn, @Schema(description = "The payment's total (BPR02)") BigDecimal total,
        @Schema(description = "Whether this payment had been posted before: nothing was posted again") boolean alreadyPosted,
        @Schema(description = "The claims it answered (CLP): CLP02 1, 2 or 3 processed, 4 denied, 22 a reversal") List<Posted> posted,
        @Schema(description = "What it named that is no claim or line of Cairn's, left unposted") List<Unmatched> unmatched) {

    @Schema(name = "PostedClaim", example = """
            {"claimId":"5e1a7c3b-9d2f-4b8e-a6c1-3f7d2e9b1a40","statusCode":"1","charged":930.00,"paid":620.00,"lines":3}""")
    public record Posted(UUID claimId, String statusCode, BigDecimal charged, BigDecimal paid,
            @Schema(description = "Lines (days) posted") int lines) {
    }

    @Schema(name = "UnmatchedRemittance", example = """
            {"reference":"PCN-448812","reason":"no claim of Cairn's has this id (CLP01)"}""")
    public record Unmatched(String reference, String reason) {
    }

    static RemittanceView of(Remittances.Result result) {
        return new RemittanceView(result.remittanceId(), result.traceNumber(), result.paidOn(), result.total(),
                result.alreadyPosted(), result.posted().stream().map(p -> new Posted(p.claimId(), p.statusCode(),
                        p.charged(), p.paid(), p.lines())).toList(),
                result.unmatched().stream().map(u -> new Unmatched(u.reference(), u.reason())).toList());
    }
}
