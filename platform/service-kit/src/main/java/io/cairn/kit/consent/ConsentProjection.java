package io.cairn.kit.consent;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.Part2Consents;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A service's copy of the Part 2 consents intake owns, kept from {@code intake.consent.changed}: what lets this
 * service disclose a patient's records to an EHR client. A change older than the one already kept is ignored, so
 * redelivery and reordering cannot bring a revoked consent back.
 */
@ApplicationScoped
@DefaultBean
public class ConsentProjection implements Part2Consents {

    private static final String UPSERT = """
            INSERT INTO consent_projection (consent_id, patient_id, recipient, record_categories, status, effective_from,
                                            expires_on, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (consent_id) DO UPDATE SET status = excluded.status, record_categories = excluded.record_categories,
                effective_from = excluded.effective_from, expires_on = excluded.expires_on, changed_at = excluded.changed_at
            WHERE consent_projection.changed_at < excluded.changed_at
            """;
    private static final String ACTIVE = """
            SELECT consent_id FROM consent_projection
            WHERE patient_id = ? AND recipient = ? AND status = 'ACTIVE' AND ? = ANY (record_categories)
              AND effective_from <= ? AND (expires_on IS NULL OR expires_on >= ?)
            ORDER BY effective_from DESC, changed_at DESC LIMIT 1
            """;

    private final DataSource dataSource;

    private final ClinicCalendar calendar;

    ConsentProjection(DataSource dataSource, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.dataSource = dataSource;
    }

    /** Keeps the change; runs in the consumer's transaction, with its inbox record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ConsentChanged change) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, change.consentId());
            upsert.setObject(2, change.patientId());
            upsert.setString(3, change.recipient());
            upsert.setArray(4, connection.createArrayOf("text",
                    change.recordCategories().stream().map(Enum::name).toArray()));
            upsert.setString(5, change.status().name());
            upsert.setDate(6, Date.valueOf(change.effectiveFrom()));
            upsert.setDate(7, change.expiresOn() == null ? null : Date.valueOf(change.expiresOn()));
            upsert.setTimestamp(8, Timestamp.from(change.changedAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }

    @Override
    @Transactional
    public Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category) {
        LocalDate today = calendar.today();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ACTIVE)) {
            select.setObject(1, patientId);
            select.setString(2, recipient);
            select.setString(3, category.name());
            select.setDate(4, Date.valueOf(today));
            select.setDate(5, Date.valueOf(today));
            try (ResultSet consent = select.executeQuery()) {
                return consent.next() ? Optional.of(consent.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }

}
