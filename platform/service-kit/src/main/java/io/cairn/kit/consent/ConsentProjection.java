package io.cairn.kit.consent;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.RelayCheckpoint;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A service's copy of the Part 2 consents intake owns, kept from {@code intake.consent.changed}: what lets this
 * service disclose a patient's records to an EHR client. It fails closed:
 * <ul>
 * <li>a consent's changes are ordered by intake's revision, and a revocation is final, so redelivery, reordering or
 * another replica's clock cannot bring a revoked consent back;</li>
 * <li>EHR reads are refused ({@link ConsentUnverifiableException}) unless intake's relay has said, within
 * {@code cairn.consent.max-staleness}, on each partition of its topic, that every change it committed before then
 * is here ({@link RelayCheckpoint}): with the broker away, a revocation made meanwhile cannot go unseen;</li>
 * <li>a consent change this service could not apply (parked) holds the patient's records from every EHR until it is
 * applied;</li>
 * <li>records of intake's topic skipped unread (an offset reset, a database restored behind its offsets) hold every
 * patient's records until an operator settles it.</li>
 * </ul>
 */
@ApplicationScoped
@DefaultBean
public class ConsentProjection implements Part2Consents {

    private static final Logger LOG = Logger.getLogger(ConsentProjection.class);

    private static final String UPSERT = """
            INSERT INTO consent_projection (consent_id, patient_id, recipient, record_categories, status, effective_from,
                                            expires_on, changed_at, revision, purpose)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (consent_id) DO UPDATE SET status = excluded.status, record_categories = excluded.record_categories,
                effective_from = excluded.effective_from, expires_on = excluded.expires_on, changed_at = excluded.changed_at,
                revision = excluded.revision, purpose = excluded.purpose
            WHERE consent_projection.status <> 'REVOKED'
              AND (excluded.revision > consent_projection.revision OR excluded.status = 'REVOKED')
            """;
    private static final String ACTIVE = """
            SELECT consent_id FROM consent_projection c
            WHERE patient_id = ? AND recipient = ? AND status = 'ACTIVE' AND ? = ANY (record_categories)
              AND effective_from <= ? AND (expires_on IS NULL OR expires_on >= ?)
              AND NOT EXISTS (SELECT 1 FROM consent_hold h WHERE h.patient_id = c.patient_id OR h.patient_id IS NULL)
            ORDER BY effective_from DESC, revision DESC LIMIT 1
            """;
    /** {@link #ACTIVE} for one purpose, releasing every category asked for. */
    private static final String ACTIVE_FOR_PURPOSE = """
            SELECT consent_id FROM consent_projection c
            WHERE patient_id = ? AND recipient = ? AND status = 'ACTIVE' AND purpose = ? AND record_categories @> ?
              AND effective_from <= ? AND (expires_on IS NULL OR expires_on >= ?)
              AND NOT EXISTS (SELECT 1 FROM consent_hold h WHERE h.patient_id = c.patient_id OR h.patient_id IS NULL)
            ORDER BY effective_from DESC, revision DESC LIMIT 1
            """;
    private static final String CHECKPOINT = """
            INSERT INTO consent_checkpoint (partition, partitions, as_of) VALUES (?, ?, least(?, clock_timestamp()))
            ON CONFLICT (partition) DO UPDATE SET partitions = excluded.partitions,
                as_of = greatest(consent_checkpoint.as_of, excluded.as_of)
            """;
    /**
     * Milliseconds the copy stays current from now: negative when it is not, or not known to be. The clock, not
     * {@code now()}: a caller's transaction (a bulk export's runs for minutes) would date it back to its start.
     */
    private static final String CURRENT_FOR = """
            SELECT CASE WHEN count(*) > 0 AND count(*) >= max(partitions)
                        THEN extract(epoch FROM min(as_of) + make_interval(secs => ?) - clock_timestamp()) * 1000
                        ELSE -1 END
            FROM consent_checkpoint
            """;
    /** A change the consumer did not apply (it is not in its inbox) was parked: its patient is held. */
    private static final String HOLD = """
            INSERT INTO consent_hold (consumer, topic, partition, record_offset, event_id, patient_id)
            SELECT ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = ? AND event_id = ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String RELEASE = """
            DELETE FROM consent_hold h USING inbox_event i WHERE i.consumer = h.consumer AND i.event_id = h.event_id
            """;

    private final DataSource dataSource;
    private final ClinicCalendar calendar;
    private final Duration maxStaleness;
    /** Until when ({@link System#nanoTime()}) the copy is known current; read by request threads. */
    private volatile long currentUntil;
    private volatile boolean everCurrent;

    ConsentProjection(DataSource dataSource, ClinicCalendar calendar,
            @ConfigProperty(name = "cairn.consent.max-staleness", defaultValue = "30s") Duration maxStaleness) {
        this.calendar = calendar;
        this.dataSource = dataSource;
        this.maxStaleness = maxStaleness;
    }

    /** Keeps the change; runs in the consumer's transaction, with its inbox record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ConsentChanged change) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, change.consentId());
            upsert.setObject(2, change.patientId());
            upsert.setString(3, change.recipient());
            // A category a newer intake added reads as null here: it releases nothing this service holds.
            upsert.setArray(4, connection.createArrayOf("text", change.recordCategories().stream()
                    .filter(Objects::nonNull).map(Enum::name).toArray()));
            // So does a status this service does not know: only ACTIVE discloses.
            upsert.setString(5, change.status() == null ? "UNKNOWN" : change.status().name());
            upsert.setDate(6, Date.valueOf(change.effectiveFrom()));
            upsert.setDate(7, change.expiresOn() == null ? null : Date.valueOf(change.expiresOn()));
            upsert.setTimestamp(8, Timestamp.from(change.changedAt()));
            upsert.setLong(9, change.revision() == null ? 0 : change.revision());
            // A purpose a newer intake added reads as null: no purpose-bound lookup matches it.
            upsert.setString(10, change.purpose() == null ? null : change.purpose().name());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }

    /**
     * What a poll of intake's topic tells about the copy, once {@code consumer} applied or parked each of its events:
     * each consent change it did not apply holds its patient, and each checkpoint says the copy is current as of then.
     * Both in one transaction, so that a checkpoint never counts without the holds before it. Runs in the
     * consumer's transaction after the poll ({@link io.cairn.kit.events.IncomingEvents#afterPoll}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void heard(String consumer, Iterable<ConsumerRecord<String, String>> records) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement hold = connection.prepareStatement(HOLD);
                PreparedStatement checkpoint = connection.prepareStatement(CHECKPOINT)) {
            ConsentPositions.follow(connection, consumer, records);
            boolean changes = false;
            for (ConsumerRecord<String, String> record : records) {
                String type = CloudEventHeaders.type(record.headers());
                if (EventType.CONSENT_CHANGED.type().equals(type)) {
                    changes = true;
                    hold(hold, consumer, record);
                } else {
                    Optional<RelayCheckpoint> heard = RelayCheckpoint.of(record);
                    if (heard.isPresent()) {
                        checkpoint.setInt(1, heard.get().partition());
                        checkpoint.setInt(2, heard.get().partitions());
                        checkpoint.setTimestamp(3, Timestamp.from(heard.get().asOf()));
                        checkpoint.addBatch();
                    }
                }
            }
            if (changes) {
                if (java.util.Arrays.stream(hold.executeBatch()).anyMatch(held -> held > 0)) {
                    LOG.errorf("%s could not apply a consent change: EHR reads of its patient are refused until it is "
                            + "replayed from the dead-letter topic (deploy/README, consent holds)", consumer);
                }
                try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                    release.executeUpdate();
                }
            }
            checkpoint.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }

    private static void hold(PreparedStatement hold, String consumer, ConsumerRecord<String, String> record)
            throws SQLException {
        UUID event = uuid(CloudEventHeaders.id(record.headers()));
        hold.setString(1, consumer);
        hold.setString(2, record.topic());
        hold.setInt(3, record.partition());
        hold.setLong(4, record.offset());
        hold.setObject(5, event);
        hold.setObject(6, uuid(record.key()));
        hold.setString(7, consumer);
        hold.setObject(8, event);
        hold.addBatch();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @throws ConsentUnverifiableException when the copy is not known to be current
     */
    @Override
    public void requireCurrent() {
        if (System.nanoTime() - currentUntil < 0 && everCurrent) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CURRENT_FOR)) {
            select.setDouble(1, maxStaleness.toMillis() / 1000.0);
            try (ResultSet result = select.executeQuery()) {
                double currentFor = result.next() ? result.getDouble(1) : -1;
                if (currentFor <= 0) {
                    throw new ConsentUnverifiableException();
                }
                // Never longer than the staleness allowed, whatever a checkpoint says (one is never dated ahead of
                // the clock that keeps it, see CHECKPOINT).
                currentUntil = System.nanoTime() + Math.min((long) (currentFor * 1_000_000), maxStaleness.toNanos());
                everCurrent = true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }

    @Override
    @Transactional
    public Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category) {
        requireCurrent();
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

    /**
     * The active consent that lets the patient's records of every one of {@code categories} go to {@code recipient}
     * for {@code purpose} today: what a disclosure that is not an EHR's read (a claim to a payer) rests on. Like
     * {@link #consentFor(UUID, String, RecordCategory)}, it fails closed while the copy is not known to be current or
     * the patient is held.
     */
    @Transactional
    public Optional<UUID> consentFor(UUID patientId, String recipient, ConsentPurpose purpose,
            java.util.Collection<RecordCategory> categories) {
        if (categories.isEmpty()) {
            // "Releases every one of none" would hold for any consent.
            throw new IllegalArgumentException("A disclosure releases at least one category");
        }
        requireCurrent();
        LocalDate today = calendar.today();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ACTIVE_FOR_PURPOSE)) {
            select.setObject(1, patientId);
            select.setString(2, recipient);
            select.setString(3, purpose.name());
            select.setArray(4, connection.createArrayOf("text", categories.stream().map(Enum::name).toArray()));
            select.setDate(5, Date.valueOf(today));
            select.setDate(6, Date.valueOf(today));
            try (ResultSet consent = select.executeQuery()) {
                return consent.next() ? Optional.of(consent.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Consent projection unavailable", e);
        }
    }
}
