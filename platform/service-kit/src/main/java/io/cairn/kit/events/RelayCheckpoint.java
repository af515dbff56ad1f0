package io.cairn.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.kafka.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A relay's word on one partition of its topic: every event its service committed before {@code asOf} is on this
 * partition ahead of this record. A consumer that has read it knows its copy of that producer's data is current as
 * of then, and how stale it is when none came for a while (a broker outage, a relay in back-off, a lagging
 * consumer). Not a Cairn event (it is about no patient): consumers of the topic pass it over on its type.
 *
 * @param partitions how many partitions the topic had, so a consumer knows when it has heard from each
 */
public record RelayCheckpoint(int partition, int partitions, Instant asOf) {

    /** The {@code ce_type} of a checkpoint record. */
    public static final String TYPE = "cairn.relay.checkpoint";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProducerRecord<String, String> toRecord(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, null,
                "{\"asOf\":\"" + asOf + "\",\"partitions\":" + partitions + "}");
        record.headers().add(CloudEventHeaders.TYPE, TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Whether a record of this type is a checkpoint. */
    public static boolean is(String type) {
        return TYPE.equals(type);
    }

    /** The checkpoint a record carries; empty for any other record, or one that cannot be read. */
    public static Optional<RelayCheckpoint> of(ConsumerRecord<String, String> record) {
        if (!is(CloudEventHeaders.type(record.headers())) || record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(record.value());
            int partitions = value.path("partitions").asInt(0);
            if (partitions <= record.partition() || !value.path("asOf").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new RelayCheckpoint(record.partition(), partitions,
                    Instant.parse(value.get("asOf").asText())));
        } catch (java.io.IOException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
