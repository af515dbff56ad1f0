package io.cairn.intake.api;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.domain.Consent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consent as given, with whether it allows disclosure today. */
public record ConsentView(UUID id, UUID patientId, String recipient, ConsentPurpose purpose,
        List<RecordCategory> recordCategories, LocalDate effectiveFrom, LocalDate expiresOn, ConsentStatus status,
        boolean activeToday, Instant givenAt, Instant revokedAt, String revocationReason, int version) {

    public static ConsentView of(Consent consent) {
        return new ConsentView(consent.id, consent.patientId, consent.recipient, consent.purpose, consent.categories(),
                consent.effectiveFrom, consent.expiresOn, consent.status, consent.isActiveOn(LocalDate.now()),
                consent.givenAt, consent.revokedAt, consent.revocationReason, consent.version);
    }
}
