package io.cairn.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.EventPayload;
import java.util.UUID;

/** An event received from Kafka: its envelope, its type and its data, already checked against the type's schema. */
public record IncomingEvent(EventEnvelope envelope, EventType type, JsonNode data, ObjectMapper json) {

    public UUID patientId() {
        return UUID.fromString(envelope.subject());
    }

    /** The data as its contract record. */
    public <T extends EventPayload> T data(Class<T> payload) {
        if (type.payload() != payload) {
            throw new IllegalArgumentException(type.type() + " does not carry " + payload.getSimpleName());
        }
        try {
            return json.treeToValue(data, payload);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("data of " + type.type() + " cannot be read: " + e.getOriginalMessage());
        }
    }
}
