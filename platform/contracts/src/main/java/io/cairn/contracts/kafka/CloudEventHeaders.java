package io.cairn.contracts.kafka;

import io.cairn.contracts.EventEnvelope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka binary mode: the envelope's attributes as {@code ce_*} record headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }

    public static void write(EventEnvelope envelope, Headers headers) {
        put(headers, SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        put(headers, ID, envelope.id().toString());
        put(headers, TYPE, envelope.type());
        put(headers, SOURCE, envelope.source().toString());
        put(headers, TIME, envelope.time().toString());
        put(headers, SUBJECT, envelope.subject());
        put(headers, CONTENT_TYPE, EventEnvelope.DATA_CONTENT_TYPE);
        if (envelope.traceparent() != null) {
            put(headers, TRACEPARENT, envelope.traceparent());
        }
    }

    /**
     * Reads the envelope back.
     *
     * @throws IllegalArgumentException when a required attribute is missing or unreadable
     */
    public static EventEnvelope read(Headers headers) {
        try {
            return new EventEnvelope(UUID.fromString(required(headers, ID)), required(headers, TYPE),
                    URI.create(required(headers, SOURCE)), Instant.parse(required(headers, TIME)),
                    required(headers, SUBJECT), text(headers, TRACEPARENT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The event's type alone, if the record names one: a consumer passes most records over on it. */
    public static String type(Headers headers) {
        return text(headers, TYPE);
    }

    /** The event's id as the record names it, unchecked (null when it names none): for a record that may be unreadable. */
    public static String id(Headers headers) {
        return text(headers, ID);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
