package io.cairn.intake.api;

import io.cairn.contracts.events.ReferralSource;
import io.cairn.intake.domain.Referral;
import io.cairn.intake.domain.ReferralStatus;
import io.cairn.intake.domain.ReferralTransition;
import io.cairn.intake.domain.ReferringContact;
import io.cairn.intake.domain.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral with its pipeline history, oldest step first. */
@Schema(name = "ReferralView", example = """
        {"id":"0b7e4f0e-7d6a-4c36-8f0e-51a8f0d7c1aa","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "source":"hospital-step-down","referringOrganization":"St. Mary's Hospital",
         "referringContact":{"name":"Dr. A. Okafor","phone":"+1 555 0199","email":"a.okafor@stmarys.example"},
         "reason":"Step-down after withdrawal management","urgency":"urgent","status":"screening",
         "readmissionOf":null,"receivedAt":"2026-11-24T10:15:30Z","version":1,
         "history":[{"from":null,"to":"received","changedBy":"coordinator","changedAt":"2026-11-24T10:15:30Z",
                     "note":null},
                    {"from":"received","to":"screening","changedBy":"coordinator","changedAt":"2026-11-24T11:02:00Z",
                     "note":"Phone screen booked"}]}""")
public record ReferralView(UUID id, UUID patientId, ReferralSource source,
        @Schema(nullable = true) String referringOrganization,
        @Schema(nullable = true) ReferringContact referringContact,
        String reason, Urgency urgency, ReferralStatus status,
        @Schema(nullable = true) UUID readmissionOf,
        Instant receivedAt, int version, List<Step> history) {

    /** @param from null for the first step, when the referral was received */
    public record Step(@Schema(nullable = true) ReferralStatus from, ReferralStatus to, String changedBy,
            Instant changedAt, @Schema(nullable = true) String note) {
    }

    public static ReferralView of(Referral referral, List<ReferralTransition> transitions) {
        return new ReferralView(referral.id, referral.patientId, referral.source, referral.referringOrganization,
                referral.referringContact, referral.reason, referral.urgency, referral.status, referral.readmissionOf,
                referral.receivedAt, referral.version,
                transitions.stream().map(t -> new Step(t.from, t.to, t.changedBy, t.changedAt, t.note)).toList());
    }
}
