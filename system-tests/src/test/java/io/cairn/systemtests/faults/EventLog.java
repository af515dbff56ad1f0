package io.cairn.systemtests.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The platform's topics as a reader sees them: every record, end offsets, and consumer groups' positions. */
public final class EventLog {

    static final String BOOTSTRAP = System.getProperty("cairn.kafka", "localhost:9092");
    /** The services, each with a consumer group of its name: every service consumes some other service's topic. */
    public static final List<String> SERVICES = List.of("intake-service", "treatment-plan-service",
            "scheduling-service", "aftercare-service", "worklist-service");
    /** Every consumer group: the services', and intake's others: the accounting of disclosures, and what EHRs subscribe to. */
    public static final List<String> CONSUMER_GROUPS = java.util.stream.Stream.concat(SERVICES.stream(),
            java.util.stream.Stream.of("intake-accounting", "intake-subscriptions")).toList();

    /** One record on a topic, with the CloudEvents attributes a test needs. */
    public record Event(String topic, int partition, long offset, String key, String id, String type, String subject,
            Map<String, String> headers, String value) {
    }

    private EventLog() {
    }

    /** Every record on the topic, from the beginning to its current end, in partition order. */
    public static List<Event> read(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    events.add(new Event(topic, record.partition(), record.offset(), record.key(),
                            headers.get("ce_id"), headers.get("ce_type"), headers.get("ce_subject"), headers,
                            record.value()));
                }
            }
            return events;
        }
    }

    /** Sends records as a misbehaving or hand-operated producer would; returns where they landed. */
    public static List<RecordMetadata> send(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<RecordMetadata> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record).get());
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to Kafka", e);
        }
    }

    /**
     * The id of every event on the topics ({@code topic id}): the same before and after means nothing was published.
     * A relay's checkpoints (no event id) are not events, and keep coming.
     */
    public static Set<String> eventIds(List<String> topics) {
        return topics.stream().flatMap(topic -> read(topic).stream()).filter(e -> e.id() != null)
                .map(e -> e.topic() + " " + e.id()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** End offsets of every partition of the topics. */
    public static Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read end offsets", e);
        }
    }

    /**
     * Events the group has not yet consumed, over every partition it has a position on. A relay's checkpoints (records
     * without an event id, every few seconds on intake's topic) are not counted: a group behind by those alone has
     * consumed every event.
     */
    public static long lag(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            committed.keySet().forEach(p -> request.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            Map<TopicPartition, long[]> behind = new HashMap<>();
            for (var entry : committed.entrySet()) {
                long position = entry.getValue() == null ? 0 : entry.getValue().offset();
                long end = ends.get(entry.getKey()).offset();
                if (end > position) {
                    behind.put(entry.getKey(), new long[] { position, end });
                }
            }
            return behind.isEmpty() ? 0 : eventsBetween(behind);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    /** How many records with an event id lie in each partition's range {@code [from, to)}. */
    private static long eventsBetween(Map<TopicPartition, long[]> ranges) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(ranges.keySet());
            ranges.forEach((partition, range) -> consumer.seek(partition, range[0]));
            long events = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ranges.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()[1])) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the records a group is behind by in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    long[] range = ranges.get(new TopicPartition(record.topic(), record.partition()));
                    if (record.offset() < range[1] && record.headers().lastHeader("ce_id") != null) {
                        events++;
                    }
                }
            }
            return events;
        }
    }

    /** Whether every service has consumed all that was published to it. */
    public static boolean allConsumed() {
        return CONSUMER_GROUPS.stream().allMatch(group -> lag(group) == 0);
    }

    /** Moves a stopped group back to the start of every partition it had consumed: the next start replays it all. */
    public static int rewind(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            committed.keySet().forEach(p -> beginning.put(p, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, beginning).all().get();
            return beginning.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not rewind " + group + " (is every member stopped?)", e);
        }
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put("bootstrap.servers", BOOTSTRAP);
        return Admin.create(config);
    }
}
