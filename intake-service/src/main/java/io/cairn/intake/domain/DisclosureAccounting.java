package io.cairn.intake.domain;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.RecordCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The patients' accounting of disclosures (42 CFR Part 2 § 2.24): every record of a patient any service disclosed to
 * an outside recipient, kept from the services' {@code disclosure.recorded} events, with the consent each relied on.
 */
@ApplicationScoped
public class DisclosureAccounting {

    /** One entry: who received which record, when, from which service, under which consent and for what purpose. */
    public record Entry(Instant disclosedAt, String recipient, String service, RecordCategory recordCategory,
            String resourceType, String resourceId, UUID consentId, ConsentPurpose purpose) {
    }

    private final EntityManager entities;

    DisclosureAccounting(EntityManager entities) {
        this.entities = entities;
    }

    /** Keeps a disclosure once, however often its event is delivered; runs with the consumer's inbox record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(DisclosureRecorded disclosure, String service) {
        entities.createNativeQuery("""
                INSERT INTO disclosure (disclosure_id, patient_id, recipient, service, record_category, resource_type,
                                        resource_id, consent_id, disclosed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (disclosure_id) DO NOTHING
                """).setParameter(1, disclosure.disclosureId()).setParameter(2, disclosure.patientId())
                .setParameter(3, disclosure.recipient()).setParameter(4, service)
                .setParameter(5, disclosure.recordCategory().name()).setParameter(6, disclosure.resourceType())
                .setParameter(7, disclosure.resourceId()).setParameter(8, disclosure.consentId())
                .setParameter(9, Timestamp.from(disclosure.disclosedAt())).executeUpdate();
    }

    /** The patient's accounting, oldest first. */
    @Transactional
    public List<Entry> of(UUID patientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT d.disclosed_at, d.recipient, d.service, d.record_category, d.resource_type, d.resource_id,
                       d.consent_id, c.purpose
                FROM disclosure d LEFT JOIN consent c ON c.id = d.consent_id
                WHERE d.patient_id = ?1 ORDER BY d.disclosed_at, d.disclosure_id
                """).setParameter(1, patientId).getResultList();
        return rows.stream().map(row -> new Entry(instant(row[0]), (String) row[1], (String) row[2],
                RecordCategory.valueOf((String) row[3]), (String) row[4], (String) row[5], (UUID) row[6],
                row[7] == null ? null : ConsentPurpose.valueOf((String) row[7]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
