package io.cairn.aftercare.api;

import io.cairn.aftercare.domain.RelapseReport;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelapseReportView", example = """
        {"id":"7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d","referralId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
         "checkInId":null,"reportedBy":"case-manager","note":"Sister called: drinking again",
         "reportedAt":"2027-02-10T14:00:00Z"}""")
public record RelapseReportView(UUID id, UUID referralId,
        @Schema(nullable = true, description = "The check-in that found the relapse; null for a report outside a check-in") UUID checkInId,
        String reportedBy, String note, Instant reportedAt) {

    static RelapseReportView of(RelapseReport r) {
        return new RelapseReportView(r.id, r.referralId, r.checkInId, r.reportedBy, r.note, r.reportedAt);
    }
}
