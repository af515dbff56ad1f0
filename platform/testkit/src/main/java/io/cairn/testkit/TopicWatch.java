package io.cairn.testkit;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning for as long as it is open, so a test can wait for the records it expects (and
 * check that no others came) without knowing what earlier tests wrote there.
 */
public final class TopicWatch implements AutoCloseable {

    private final ConsumerTask<String, String> task;

    private TopicWatch(String topic) {
        this.task = KafkaResource.companion().consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
    }

    public static TopicWatch of(String topic) {
        return new TopicWatch(topic);
    }

    /** Every record seen so far that matches. */
    public List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> matching) {
        return List.copyOf(task.getRecords()).stream().filter(matching).toList();
    }

    /** Waits until at least {@code count} matching records arrived, then returns all matching records. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching,
            int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> records(matching).size() >= count);
        return records(matching);
    }

    /** Records of one patient: the key of every Cairn event. */
    public static Predicate<ConsumerRecord<String, String>> keyed(Object patientId) {
        return record -> patientId.toString().equals(record.key());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.close();
    }
}
