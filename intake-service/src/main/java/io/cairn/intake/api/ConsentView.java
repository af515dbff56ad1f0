package io.cairn.intake.api;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.domain.Consent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as given, with whether it allows disclosure today. */
@Schema(name = "ConsentView", example = """
        {"id":"9d0c7a52-3e0b-4f7e-b1de-7f3c2a1b9e11","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "recipient":"ehr-northside","purpose":"care-coordination","recordCategories":["demographics","assessments"],
         "effectiveFrom":"2026-11-24","expiresOn":"2027-11-23","status":"active","activeToday":true,
         "givenAt":"2026-11-24T10:20:00Z","revokedAt":null,"revocationReason":null,"version":0}""")
public record ConsentView(UUID id, UUID patientId, String recipient, ConsentPurpose purpose,
        List<RecordCategory> recordCategories, LocalDate effectiveFrom,
        @Schema(nullable = true) LocalDate expiresOn,
        ConsentStatus status, boolean activeToday, Instant givenAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(nullable = true) String revocationReason, int version) {

    /** The consent as it stands on the clinic's {@code today}. */
    public static ConsentView of(Consent consent, LocalDate today) {
        return new ConsentView(consent.id, consent.patientId, consent.recipient, consent.purpose, consent.categories(),
                consent.effectiveFrom, consent.expiresOn, consent.status, consent.isActiveOn(today),
                consent.givenAt, consent.revokedAt, consent.revocationReason, consent.version);
    }
}
