package io.cairn.kit.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Purges the delivery bookkeeping once it has done its work: outbox rows sent longer ago than
 * {@code cairn.retention.events-kept-for}, and inbox rows applied longer ago. Unsent outbox rows are never purged,
 * whatever their age. The audit log and the accounting of disclosures are not touched here: HIPAA keeps them six years
 * (docs/retention.md).
 *
 * <p>
 * Each batch is a short transaction of its own that skips rows another transaction holds, so the purge never waits
 * for the relay or a consumer, nor makes them wait.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private static final String PURGE_OUTBOX = """
            DELETE FROM outbox_event WHERE position IN (
                SELECT position FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ?
                ORDER BY sent_at LIMIT ? FOR UPDATE SKIP LOCKED)
            """;
    private static final String PURGE_INBOX = """
            DELETE FROM inbox_event WHERE (consumer, event_id) IN (
                SELECT consumer, event_id FROM inbox_event WHERE applied_at < ?
                ORDER BY applied_at LIMIT ? FOR UPDATE SKIP LOCKED)
            """;

    /** What one purge removed. */
    public record Purged(long outbox, long inbox) {
    }

    private final DataSource dataSource;
    private final RetentionConfig config;
    private final MeterRegistry meters;

    EventRetention(DataSource dataSource, RetentionConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.meters = meters;
    }

    @Scheduled(every = "{cairn.retention.purge-every}", delayed = "{cairn.retention.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            Purged purged = purge();
            if (purged.outbox() + purged.inbox() > 0) {
                LOG.infof("Purged %d sent outbox rows and %d inbox rows older than %s", purged.outbox(),
                        purged.inbox(), config.eventsKeptFor());
            }
        } catch (RuntimeException e) {
            // The next run tries again; nothing is lost by waiting.
            LOG.warnf("The retention purge waits for its next run: %s", e.getMessage());
        }
    }

    /** Purges everything older than the retention, batch by batch, and says how much. */
    public Purged purge() {
        Instant before = Instant.now().minus(config.eventsKeptFor());
        long outbox = purgeAll(PURGE_OUTBOX, before, "outbox_event");
        long inbox = purgeAll(PURGE_INBOX, before, "inbox_event");
        return new Purged(outbox, inbox);
    }

    private long purgeAll(String sql, Instant before, String table) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> batch(sql, before));
            total += deleted;
        } while (deleted == config.batchSize());
        meters.counter("cairn.retention.purged", "table", table).increment(total);
        return total;
    }

    private int batch(String sql, Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(before));
            delete.setInt(2, config.batchSize());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Retention purge failed", e);
        }
    }
}
