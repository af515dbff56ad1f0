package io.cairn.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.EventPayload;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
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

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final URI eventSource;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(DataSource dataSource, ObjectMapper json, @ConfigProperty(name = "cairn.event-source") URI eventSource,
            OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.json = json;
        this.eventSource = eventSource;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Stores {@code payload} for publication on its type's topic, keyed by its patient.
     *
     * @throws IllegalArgumentException when the payload does not satisfy its JSON Schema (a bug in the caller)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventPayload payload) {
        EventType type = EventType.of(payload);
        JsonNode data = json.valueToTree(payload);
        List<String> violations = EventSchemas.instance().violations(type, data);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type.type() + " does not match its schema: " + violations);
        }
        EventEnvelope envelope = EventEnvelope.of(type, eventSource, payload.patientId(), traceparent());
        insert(envelope, type, data);
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit());
        return envelope;
    }

    private void insert(EventEnvelope envelope, EventType type, JsonNode data) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, envelope.id());
            insert.setString(2, envelope.type());
            insert.setString(3, type.topic());
            insert.setString(4, envelope.subject());
            insert.setString(5, envelope.source().toString());
            insert.setTimestamp(6, Timestamp.from(envelope.time()));
            insert.setString(7, envelope.traceparent());
            insert.setString(8, json.writeValueAsString(data));
            insert.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
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

    /** Publishing right after the commit keeps latency low; the relay's poll is only the safety net. */
    private final class WakeRelayOnCommit implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
