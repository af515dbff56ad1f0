package io.cairn.contracts;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes every Cairn event carries. On Kafka they travel in binary mode: each attribute is a
 * {@code ce_*} header, the data is the JSON record value, and the key is the patient id.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type one of {@link EventType#type()}
 * @param source the producing service, e.g. {@code /cairn/intake-service}
 * @param time when the fact happened
 * @param subject the patient id
 * @param traceparent W3C trace context of the transaction that produced the event, or {@code null}
 */
public record EventEnvelope(UUID id, String type, URI source, Instant time, String subject, String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new envelope for an event of {@code type} about {@code patientId}, happening now. */
    public static EventEnvelope of(EventType type, URI source, UUID patientId, String traceparent) {
        return new EventEnvelope(UUID.randomUUID(), type.type(), source, Instant.now(), patientId.toString(),
                traceparent);
    }
}
