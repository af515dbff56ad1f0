package io.cairn.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventType;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.contracts.events.EventPayload;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events as another service would publish them: a CloudEvent on the type's topic, keyed by the patient. */
public final class EventRecords {

    /** Writes and reads event data as the services do: ISO-8601 times. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventRecords() {
    }

    public static ProducerRecord<String, String> of(EventPayload payload) {
        return of(EventType.of(payload), payload);
    }

    /** For a payload two producers share: the type names the producer. */
    public static ProducerRecord<String, String> of(EventType type, EventPayload payload) {
        type.require(payload);
        String producer = type.type().substring(0, type.type().indexOf('.'));
        EventEnvelope envelope = EventEnvelope.of(type, URI.create("/cairn/" + producer + "-service"),
                payload.patientId(), null);
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), envelope.subject(),
                    JSON.writeValueAsString(payload));
            CloudEventHeaders.write(envelope, record.headers());
            return record;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the records and waits until the broker has them. */
    @SafeVarargs
    public static void send(ProducerRecord<String, String>... records) {
        KafkaResource.companion().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
    }

    public static UUID eventId(ProducerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()));
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String type(ConsumerRecord<String, String> record) {
        return TopicWatch.header(record, CloudEventHeaders.TYPE);
    }
}
