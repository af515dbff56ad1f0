package io.cairn.kit.consent;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Where this service's reading of intake's topic has got to on each partition ({@code consent_position}). It moves on
 * after each poll ({@link #follow}, in the poll's transaction), and a poll that starts beyond it skipped records, any of
 * which may have been a revocation: every patient is held. A consumer given a partition starts where this database
 * had got to, when that is before the group's committed offset (committed by a replica whose work this database does
 * not hold: restored from a backup, or a release before positions were kept): reading again loses nothing, and the
 * inbox applies each event once, so only records gone from the topic are held as skipped. Configured on the channel
 * as {@code consumer-rebalance-listener.name=consent-positions}.
 */
@ApplicationScoped
@Identifier(ConsentPositions.NAME)
public class ConsentPositions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "consent-positions";
    private static final Logger LOG = Logger.getLogger(ConsentPositions.class);

    /** Where the reading of the poll's partitions had got to, before this poll. */
    private static final String POSITIONS = """
            SELECT partition, next_offset FROM consent_position WHERE partition = ANY (?) FOR UPDATE
            """;
    private static final String MOVE = """
            INSERT INTO consent_position (partition, next_offset) VALUES (?, ?)
            ON CONFLICT (partition) DO UPDATE SET next_offset = greatest(consent_position.next_offset, excluded.next_offset)
            """;
    /** Records were skipped: any of them may have been a revocation, so no patient is disclosed. */
    private static final String HOLD_EVERYONE = """
            INSERT INTO consent_hold (consumer, topic, partition, record_offset, reason) VALUES (?, ?, ?, ?, 'skipped')
            ON CONFLICT DO NOTHING
            """;

    private final DataSource dataSource;

    ConsentPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> kept;
        try {
            kept = kept();
        } catch (SQLException e) {
            // Reading goes on from the committed offsets; a gap is then held as skipped, which fails closed.
            LOG.warnf("Could not read where the consent copy's reading had got to: %s", e.getMessage());
            return;
        }
        for (TopicPartition partition : partitions) {
            Long next = kept.get(partition.partition());
            if (next != null && next < consumer.position(partition)) {
                LOG.warnf("Reading %s from offset %d, where this database's consent copy had got to, not from the "
                        + "committed %d", partition, next, consumer.position(partition));
                consumer.seek(partition, next);
            }
        }
    }

    /**
     * Moves the position kept for each partition of the poll past its records; a poll that starts beyond the position
     * skipped records (an offset reset past them, or this database restored behind the consumer's offsets), so every
     * patient is held from EHRs until an operator settles it (deploy/README, consent holds). Offsets on intake's topic
     * have no gaps of their own: its relay writes without transactions and the topic is not compacted.
     */
    static void follow(Connection connection, String consumer,
            Iterable<ConsumerRecord<String, String>> records) throws SQLException {
        Map<Integer, long[]> polled = new TreeMap<>();
        String topic = null;
        for (ConsumerRecord<String, String> record : records) {
            topic = record.topic();
            polled.merge(record.partition(), new long[] { record.offset(), record.offset() },
                    (a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
        }
        if (polled.isEmpty()) {
            return;
        }
        Map<Integer, Long> before = new HashMap<>();
        try (PreparedStatement positions = connection.prepareStatement(POSITIONS)) {
            positions.setArray(1, connection.createArrayOf("integer", polled.keySet().toArray()));
            try (ResultSet kept = positions.executeQuery()) {
                while (kept.next()) {
                    before.put(kept.getInt(1), kept.getLong(2));
                }
            }
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE);
                PreparedStatement holdEveryone = connection.prepareStatement(HOLD_EVERYONE)) {
            for (Map.Entry<Integer, long[]> partition : polled.entrySet()) {
                Long next = before.get(partition.getKey());
                if (next != null && partition.getValue()[0] > next) {
                    LOG.errorf("%s skipped offsets %d to %d of %s-%d, which may have held revocations: EHR reads of "
                            + "every patient are refused until an operator settles it (deploy/README, consent holds)",
                            consumer, next, partition.getValue()[0] - 1, topic, partition.getKey());
                    holdEveryone.setString(1, consumer);
                    holdEveryone.setString(2, topic);
                    holdEveryone.setInt(3, partition.getKey());
                    holdEveryone.setLong(4, next);
                    holdEveryone.executeUpdate();
                }
                move.setInt(1, partition.getKey());
                move.setLong(2, partition.getValue()[1] + 1);
                move.addBatch();
            }
            move.executeBatch();
        }
    }

    private Map<Integer, Long> kept() throws SQLException {
        Map<Integer, Long> kept = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT partition, next_offset FROM consent_position");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                kept.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return kept;
    }
}
