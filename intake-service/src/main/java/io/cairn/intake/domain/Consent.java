package io.cairn.intake.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.problem.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A written 42 CFR Part 2 consent: the patient lets one recipient have some categories of their records, for a
 * purpose, for a period. Revocation is forward only: it stops future disclosures and cannot be undone.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "patient_id")
    public UUID patientId;
    /** The client id of the EHR, or the organization, the consent names. */
    public String recipient;
    @Enumerated(EnumType.STRING)
    public ConsentPurpose purpose;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "record_categories")
    public String[] recordCategories;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Enumerated(EnumType.STRING)
    public ConsentStatus status;
    @Column(name = "given_at")
    public Instant givenAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revocation_reason")
    public String revocationReason;
    @Version
    public int version;

    public List<RecordCategory> categories() {
        return java.util.Arrays.stream(recordCategories).map(RecordCategory::valueOf).toList();
    }

    public boolean isActiveOn(LocalDate day) {
        return status == ConsentStatus.ACTIVE && !day.isBefore(effectiveFrom)
                && (expiresOn == null || !day.isAfter(expiresOn));
    }

    /**
     * The consent in force on {@code day} that releases the patient's records of a category to the recipient, the
     * latest if several do.
     */
    public static Optional<Consent> releasing(UUID patientId, String recipient, RecordCategory category,
            LocalDate day) {
        return Consent.<Consent> list("patientId = ?1 and recipient = ?2 and status = ?3", patientId, recipient,
                ConsentStatus.ACTIVE).stream()
                .filter(c -> c.isActiveOn(day) && c.categories().contains(category))
                .max(Comparator.comparing((Consent c) -> c.effectiveFrom));
    }

    public void revoke(String reason) {
        if (status == ConsentStatus.REVOKED) {
            throw new ConflictException("Consent " + id + " was already revoked");
        }
        status = ConsentStatus.REVOKED;
        revokedAt = Instant.now();
        revocationReason = reason;
    }
}
