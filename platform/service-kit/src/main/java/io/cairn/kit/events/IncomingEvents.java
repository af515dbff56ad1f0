package io.cairn.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The consumer side of the delivery rules. A service's {@code @Incoming} method hands each record here with the
 * effect to apply; the effect runs at most once per event id (the inbox, in the effect's own transaction). A failing
 * effect is retried a bounded number of times; after that, or at once for a {@link PoisonEventException}, the
 * exception propagates and the channel's {@code failure-strategy=dead-letter-queue} parks the record with the reason.
 * A database outage is not the event's fault: the consumer retries until the database is back, holding the partition
 * so that nothing is lost or reordered.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    /** Far beyond any graceful shutdown: the process has ended long before. */
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(5);

    private volatile boolean stopping;

    private final Inbox inbox;
    private final ObjectMapper json;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration maxOutageBackoff;

    IncomingEvents(Inbox inbox, ObjectMapper json,
            @ConfigProperty(name = "cairn.inbox.max-retries", defaultValue = "3") int maxRetries,
            @ConfigProperty(name = "cairn.inbox.retry-delay", defaultValue = "200ms") Duration retryDelay,
            @ConfigProperty(name = "cairn.inbox.max-outage-backoff", defaultValue = "10s") Duration maxOutageBackoff) {
        this.inbox = inbox;
        // Tolerant reader: fields a newer producer added are ignored, not fatal.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
        this.maxOutageBackoff = maxOutageBackoff;
    }

    /**
     * Applies the effect {@code effects} has for the record's event, unless {@code consumer} applied it before. Only
     * the types it has an effect for are applied: a topic carries every event of its producer, and most are for other
     * consumers, so any other is acknowledged as it arrives, not parsed, validated, nor recorded in the inbox.
     *
     * @return {@code true} when the effect ran, {@code false} for a redelivery, a type not wanted, or an event type
     *         this platform version does not know
     * @throws PoisonEventException at once for a wanted record that can never be processed
     * @throws RuntimeException the effect's own failure after {@code cairn.inbox.max-retries} retries
     */
    public boolean applyOnce(String consumer, ConsumerRecord<String, String> record, EventEffects effects) {
        Optional<IncomingEvent> event = read(record, effects.types());
        if (event.isEmpty()) {
            return false;
        }
        int failures = 0;
        int outages = 0;
        while (true) {
            if (stopping) {
                holdForRedelivery(consumer, event.get());
            }
            try {
                return applyInItsOwnTransaction(consumer, event.get(), effects::apply);
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    // The database and ORM are closing under us: not the event's fault, and not to be dead-lettered.
                    holdForRedelivery(consumer, event.get());
                } else if (TransientFailures.isTransient(e)) {
                    // The partition waits: later events of this patient must not overtake this one.
                    LOG.warnf("%s waits for the database to apply event %s: %s", consumer,
                            event.get().envelope().id(), e.getMessage());
                    pause(Math.min(maxOutageBackoff.toMillis(), retryDelay.toMillis() << Math.min(outages++, 10)));
                } else if (++failures > maxRetries) {
                    throw e;
                } else {
                    pause(retryDelay.toMillis() * failures);
                }
            }
        }
    }

    /** Set when the service begins to stop, before its database and ORM close. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * The service is stopping: the event is neither applied nor acknowledged nor dead-lettered. The thread waits for
     * the process to end; the record's offset stays uncommitted, so the event is delivered again after the restart.
     */
    private static void holdForRedelivery(String consumer, IncomingEvent event) {
        LOG.infof("%s is stopping: event %s is left for redelivery after the restart", consumer,
                event.envelope().id());
        long until = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // Keep holding: returning or throwing would acknowledge or dead-letter the record.
                Thread.interrupted();
            }
        }
        throw new IllegalStateException("Still stopping after " + HOLD_LIMIT + "; event " + event.envelope().id()
                + " was not applied");
    }

    private boolean applyInItsOwnTransaction(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event)) {
                LOG.debugf("%s already applied event %s", consumer, event.envelope().id());
                return false;
            }
            effect.accept(event);
            return true;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }

    Optional<IncomingEvent> read(ConsumerRecord<String, String> record, Set<EventType> wanted) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventHeaders.read(record.headers());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("no valid CloudEvents envelope: " + e.getMessage());
        }
        Optional<EventType> type = EventType.fromType(envelope.type());
        if (type.isEmpty()) {
            LOG.infof("Skipping event %s of unknown type %s", envelope.id(), envelope.type());
            return Optional.empty();
        }
        if (!wanted.contains(type.get())) {
            return Optional.empty();
        }
        JsonNode data = parse(record.value(), envelope);
        List<String> violations = EventSchemas.instance().incompatibilities(type.get(), data);
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
