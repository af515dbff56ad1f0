package io.cairn.kit.events;

import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends unsent outbox events to Kafka, oldest first, and marks them sent in the same transaction that locked them.
 *
 * <p>
 * Ordering per patient: one relay at a time holds the outbox's advisory lock, so with several replicas a later event
 * can never overtake an earlier one of the same patient; the others wait for their turn. The producer is idempotent
 * with {@code acks=all}. A batch the broker did not acknowledge stays unsent and is retried with back-off, so an event
 * may reach the topic more than once but is never lost: consumers deduplicate on the event id (the inbox).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key of the PostgreSQL advisory lock that makes one relay of this database publish at a time. */
    static final long RELAY_LOCK = 0x0CA1_4B0B_0000_0001L;
    /** Kept short so that shutdown fits well inside Kubernetes' 30 s grace period. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

    private static final String SELECT_UNSENT = """
            SELECT position, event_id, event_type, topic, patient_id, source, occurred_at, traceparent, data::text
            FROM outbox_event WHERE sent_at IS NULL ORDER BY position LIMIT ?
            """;
    private static final String MARK_SENT = "UPDATE outbox_event SET sent_at = now() WHERE position = ANY (?)";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter sent;
    private final Counter failedBatches;

    /** When the relay last sent checkpoints ({@link System#nanoTime()}); read and written by its thread only. */
    private long lastCheckpoint;
    private boolean checkpointed;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    OutboxRelay(DataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.sent = meters.counter("cairn.outbox.events.sent");
        this.failedBatches = meters.counter("cairn.outbox.batches.failed");
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled in this replica");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUp();
        worker.join(SHUTDOWN_WAIT.toMillis());
        if (worker.isAlive()) {
            // A batch still waiting for the broker stays unsent and is published after the restart.
            worker.interrupt();
        }
        producer.close(SHUTDOWN_WAIT);
    }

    /** Asks the relay to look for new events now instead of at its next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void relayUntilStopped() {
        int failures = 0;
        while (running) {
            try {
                int published = relayBatch();
                failures = 0;
                if (published < config.batchSize()) {
                    awaitWakeUp(config.pollInterval());
                }
            } catch (Throwable e) {
                // Whatever happens, the relay keeps going: a dead relay would silently stop every event.
                failures++;
                failedBatches.increment();
                Duration backoff = backoff(failures);
                LOG.warnf("Outbox relay could not publish (attempt %d), retrying in %d ms: %s", failures,
                        backoff.toMillis(), e.getMessage());
                awaitWakeUpOrStop(backoff);
            }
        }
    }

    /** Publishes up to one batch in one transaction; returns how many events were sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().multipliedBy(2).toSeconds() + 10)
                .call(this::publishLockedBatch);
    }

    private int publishLockedBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryRelayLock(connection)) {
                return 0;
            }
            // Taken before the select: whatever committed before it is in this batch or was sent before.
            Instant asOf = databaseNow(connection);
            List<OutboxRow> batch = unsent(connection);
            awaitTopicMetadata(batch);
            List<RelayCheckpoint> checkpoints = checkpointsDue(batch.size(), asOf);
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            AtomicReference<Exception> firstFailure = new AtomicReference<>();
            for (OutboxRow row : batch) {
                if (firstFailure.get() != null) {
                    // A later event of the same patient must never land before an earlier one that failed.
                    throw firstFailure.get();
                }
                acks.add(producer.send(row.toRecord(), (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                }));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(config.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            }
            // Once the broker has every event of the batch, each on its partition: a consumer reads it only after what
            // came before (sent earlier, a failed event could otherwise be followed by a checkpoint that got through).
            String checkpointTopic = config.checkpointTopic().orElse(null);
            List<Future<RecordMetadata>> checkpointAcks = checkpoints.stream()
                    .map(checkpoint -> producer.send(checkpoint.toRecord(checkpointTopic))).toList();
            for (Future<RecordMetadata> ack : checkpointAcks) {
                ack.get(config.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            }
            markSent(connection, batch);
            sent.increment(batch.size());
            if (!checkpoints.isEmpty()) {
                lastCheckpoint = System.nanoTime();
                checkpointed = true;
            }
            return batch.size();
        }
    }

    /**
     * One checkpoint per partition of the checkpoint topic when one is configured, due, and this batch leaves nothing
     * unsent behind it (a full batch may have more after it); none otherwise.
     */
    private List<RelayCheckpoint> checkpointsDue(int batchSize, Instant asOf) {
        String topic = config.checkpointTopic().orElse(null);
        if (topic == null || batchSize >= config.batchSize()
                || checkpointed && System.nanoTime() - lastCheckpoint < config.checkpointEvery().toNanos()) {
            return List.of();
        }
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        return partitions.stream().map(p -> new RelayCheckpoint(p.partition(), partitions.size(), asOf)).toList();
    }

    private static Instant databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement now = connection.prepareStatement("SELECT statement_timestamp()");
                ResultSet result = now.executeQuery()) {
            result.next();
            return result.getTimestamp(1).toInstant();
        }
    }

    /**
     * Fails the batch before anything is sent when the broker is unreachable. Otherwise the first sends could time
     * out waiting for metadata while later ones, sent after the broker returned, succeed out of order.
     */
    private void awaitTopicMetadata(List<OutboxRow> batch) {
        batch.stream().map(OutboxRow::topic).distinct().forEach(producer::partitionsFor);
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> unsent(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNSENT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1),
                            new EventEnvelope(result.getObject(2, UUID.class), result.getString(3),
                                    URI.create(result.getString(6)), result.getTimestamp(7).toInstant(),
                                    result.getString(5), result.getString(8)),
                            result.getString(4), result.getString(9)));
                }
            }
        }
        return rows;
    }

    private static void markSent(Connection connection, List<OutboxRow> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            Array positions = connection.createArrayOf("bigint",
                    batch.stream().map(OutboxRow::position).toArray(Long[]::new));
            update.setArray(1, positions);
            update.executeUpdate();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        long timeout = config.sendTimeout().toMillis();
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // One batch per partition per relay transaction: it succeeds or fails as a whole, which keeps patient order.
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout / 2);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return producerConfig;
    }

    private Duration backoff(int failures) {
        long millis = config.initialBackoff().toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /** Back-off is not cut short by commits (the broker is still away), only by shutdown. */
    private void awaitWakeUpOrStop(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        try {
            while (running && System.nanoTime() < until) {
                wakeUps.tryAcquire(Math.min(100, backoff.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record OutboxRow(long position, EventEnvelope envelope, String topic, String data) {

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.subject(), data);
            CloudEventHeaders.write(envelope, record.headers());
            return record;
        }
    }
}
