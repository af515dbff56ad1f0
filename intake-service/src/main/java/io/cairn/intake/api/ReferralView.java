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

/** A referral with its pipeline history, oldest step first. */
public record ReferralView(UUID id, UUID patientId, ReferralSource source, String referringOrganization,
        ReferringContact referringContact, String reason, Urgency urgency, ReferralStatus status, UUID readmissionOf,
        Instant receivedAt, int version, List<Step> history) {

    public record Step(ReferralStatus from, ReferralStatus to, String changedBy, Instant changedAt, String note) {
    }

    public static ReferralView of(Referral referral, List<ReferralTransition> transitions) {
        return new ReferralView(referral.id, referral.patientId, referral.source, referral.referringOrganization,
                referral.referringContact, referral.reason, referral.urgency, referral.status, referral.readmissionOf,
                referral.receivedAt, referral.version,
                transitions.stream().map(t -> new Step(t.from, t.to, t.changedBy, t.changedAt, t.note)).toList());
    }
}
