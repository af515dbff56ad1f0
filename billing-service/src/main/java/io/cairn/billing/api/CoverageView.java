package io.cairn.billing.api;

import io.cairn.billing.domain.Coverage;
import io.cairn.billing.domain.CoverageRank;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Coverage", example = """
        {"id":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21","rank":"primary","memberId":"XJH448812",
         "groupNumber":"G-20931","planName":"Blue Valley PPO",
         "subscriber":{"givenName":"Ana","familyName":"Rivera","birthDate":"1988-04-12","sex":"female",
                       "addressLine":"14 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
         "startsOn":"2026-11-01","endsOn":null}""")
public record CoverageView(UUID id, UUID patientId, UUID payerId, CoverageRank rank, String memberId,
        String groupNumber, String planName,
        @Schema(description = "None on a coverage entered before the subscriber was asked for: its patient gets no claim until it is entered again") Subscriber subscriber,
        LocalDate startsOn, LocalDate endsOn) {

    static CoverageView of(Coverage coverage) {
        return new CoverageView(coverage.id, coverage.patientId, coverage.payerId, coverage.rank, coverage.memberId,
                coverage.groupNumber, coverage.planName, Subscriber.of(coverage), coverage.startsOn, coverage.endsOn);
    }
}
