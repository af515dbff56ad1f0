package io.cairn.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.EventPayload;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes an event as part of the caller's transaction: the event is stored in the outbox table next to the
 * business change, so it exists if and only if that change committed. {@link OutboxRelay} sends it to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, topic, patient_id, source, occurred_at, traceparent, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            """;

    /** Well under Kafka's default 1 MB record limit, headers included. */
    static final int MAX_EVENT_BYTES = 512 * 1024;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final URI eventSource;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean checkSchemas;

    Outbox(DataSource dataSource, ObjectMapper json, @ConfigProperty(name = "cairn.event-source") URI eventSource,
            OutboxRelay relay, TransactionSynchronizationRegistry transactions, OutboxConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.eventSource = eventSource;
        this.relay = relay;
        this.transactions = transactions;
        this.checkSchemas = config.checkSchemas();
    }

    /**
     * Stores {@code payload} for publication on its type's topic, keyed by its patient.
     *
     * @throws IllegalArgumentException when the payload does not satisfy its JSON Schema (a bug in the caller), checked
     *         where {@code cairn.outbox.check-schemas} is on: in tests and dev mode, where every producer's path runs.
     *         In production the consumers check what they read, and park what does not satisfy it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventPayload payload) {
        return publish(EventType.of(payload), payload);
    }

    /** As {@link #publish(EventPayload)}, for a payload two producers share: the type names this producer's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, EventPayload payload) {
        type.require(payload);
        if (checkSchemas) {
            List<String> violations = EventSchemas.instance().violations(type, json.valueToTree(payload));
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException(type.type() + " does not match its schema: " + violations);
            }
        }
        EventEnvelope envelope = EventEnvelope.of(type, eventSource, payload.patientId(), traceparent());
        String serialized = serialize(payload);
        if (serialized.length() > MAX_EVENT_BYTES) {
            // Kafka would refuse it forever and block every later event: refuse it now, in the caller's transaction.
            throw new IllegalArgumentException(type.type() + " is larger than " + MAX_EVENT_BYTES + " bytes");
        }
        insert(envelope, type, serialized);
        // Publishing right after the commit keeps latency low; the relay's poll is only the safety net.
        AfterCommit.run(transactions, relay::wakeUp);
        return envelope;
    }

    private String serialize(EventPayload data) {
        try {
            return json.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON", e);
        }
    }

    private void insert(EventEnvelope envelope, EventType type, String data) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, envelope.id());
            insert.setString(2, envelope.type());
            insert.setString(3, type.topic());
            insert.setString(4, envelope.subject());
            insert.setString(5, envelope.source().toString());
            insert.setTimestamp(6, Timestamp.from(envelope.time()));
            insert.setString(7, envelope.traceparent());
            insert.setString(8, data);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store event " + envelope.type() + " in the outbox", e);
        }
    }

    /** W3C trace context of the current span, so the trace continues in every consumer. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
