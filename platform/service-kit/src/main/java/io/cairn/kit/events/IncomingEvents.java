package io.cairn.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * The consumer side of the delivery rules. A service's {@code @Incoming} method hands each record here with the
 * effect to apply; the effect runs at most once per event id (the inbox, in the effect's own transaction). A failing
 * effect is retried a bounded number of times; after that, or at once for a {@link PoisonEventException}, the
 * exception propagates and the channel's {@code failure-strategy=dead-letter-queue} parks the record with the reason.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final Inbox inbox;
    private final ObjectMapper json;

    IncomingEvents(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /**
     * Applies {@code effect} to the record's event unless {@code consumer} applied it before.
     *
     * @return {@code true} when the effect ran, {@code false} for a redelivery or an event type this platform version
     *         does not know
     */
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    public boolean applyOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        Optional<IncomingEvent> event = read(record);
        if (event.isEmpty()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.get())) {
                LOG.debugf("%s already applied event %s", consumer, event.get().envelope().id());
                return false;
            }
            effect.accept(event.get());
            return true;
        });
    }

    Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers());
        Optional<EventType> type = EventType.fromType(envelope.type());
        if (type.isEmpty()) {
            LOG.infof("Skipping event %s of unknown type %s", envelope.id(), envelope.type());
            return Optional.empty();
        }
        JsonNode data = parse(record.value(), envelope);
        List<String> violations = EventSchemas.instance().violations(type.get(), data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("data of " + envelope.type() + " violates its schema: " + violations);
        }
        if (!envelope.subject().equals(data.path("patientId").asText())) {
            throw new PoisonEventException("subject " + envelope.subject() + " is not the data's patientId");
        }
        return Optional.of(new IncomingEvent(envelope, type.get(), data, json));
    }

    private JsonNode parse(String value, EventEnvelope envelope) {
        if (value == null) {
            throw new PoisonEventException("event " + envelope.id() + " has no data");
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("data of event " + envelope.id() + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
