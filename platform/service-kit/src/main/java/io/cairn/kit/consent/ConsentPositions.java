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
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Where a consumer of intake's topic starts reading a partition it is given: where this database says its reading
 * had got to ({@code consent_position}), when that is before the group's committed offset. The offset was committed by
 * a replica whose work this database does not hold (restored from a backup, or a replica of a release before positions
 * were kept): reading again from there loses nothing, and the inbox applies each event once. Only records no longer on
 * the topic are then skipped, and those hold every patient ({@link ConsentProjection#heard}). Configured on the channel
 * as {@code consumer-rebalance-listener.name=consent-positions}.
 */
@ApplicationScoped
@Identifier(ConsentPositions.NAME)
public class ConsentPositions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "consent-positions";
    private static final Logger LOG = Logger.getLogger(ConsentPositions.class);

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
