package io.cairn.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The consumer side of the delivery rules. A service's {@code @Incoming} method hands each poll's records here with
 * the effects to apply; each effect runs at most once per event id (the inbox, in the effect's transaction). A failing
 * effect is retried a bounded number of times; after that, or at once for a {@link PoisonEventException}, the record
 * is parked on its dead-letter topic with the reason ({@link DeadLetters}), and the consumer goes on.
 * A database outage is not the event's fault: the consumer retries until the database is back, holding the partition
 * so that nothing is lost or reordered.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    /** Far beyond any graceful shutdown: the process has ended long before. */
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(5);
    /**
     * At most this many events share a transaction: few enough that the locks their effects take are held briefly,
     * many enough that a commit is not paid per event.
     */
    static final int TOGETHER = 50;
    private static final int TOGETHER_TIMEOUT_SECONDS = 30;

    private volatile boolean stopping;

    private final Inbox inbox;
    private final EntityManager entities;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration maxOutageBackoff;

    IncomingEvents(Inbox inbox, EntityManager entities, DeadLetters deadLetters, ObjectMapper json,
            @ConfigProperty(name = "cairn.inbox.max-retries", defaultValue = "3") int maxRetries,
            @ConfigProperty(name = "cairn.inbox.retry-delay", defaultValue = "200ms") Duration retryDelay,
            @ConfigProperty(name = "cairn.inbox.max-outage-backoff", defaultValue = "10s") Duration maxOutageBackoff) {
        this.inbox = inbox;
        this.entities = entities;
        this.deadLetters = deadLetters;
        // Tolerant reader: fields a newer producer added are ignored, not fatal.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
        this.maxOutageBackoff = maxOutageBackoff;
    }

    /**
     * Applies one poll's records (a channel with {@code batch=true}): each event the consumer has an effect for,
     * unless it applied it before. Any other type is passed over as it arrives, not parsed, validated, nor recorded in
     * the inbox: a topic carries every event of its producer, and most are for other consumers. The events it wants,
     * in the records' order (so each patient's keep theirs), are applied {@link #TOGETHER} to a transaction, with an
     * inbox row each. When such a transaction fails for an event's fault, its events are applied one by one, so that
     * the event at fault is retried and then parked, and no other with it. A record that cannot be read, or whose
     * effect keeps failing, is parked on the dead-letter topic by itself once the others are applied; the batch is
     * acknowledged when this returns. A relay's checkpoints ({@link RelayCheckpoint}) are passed over too: a consumer
     * that needs them reads them from the poll after this returned.
     */
    public void applyAllOnce(String consumer, Iterable<ConsumerRecord<String, String>> records, EventEffects effects) {
        List<Received> wanted = new ArrayList<>();
        List<Map.Entry<ConsumerRecord<String, String>, RuntimeException>> unprocessable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                read(record, effects.types()).ifPresent(event -> wanted.add(new Received(record, event)));
            } catch (PoisonEventException e) {
                unprocessable.add(Map.entry(record, e));
            }
        }
        for (int from = 0; from < wanted.size(); from += TOGETHER) {
            List<Received> chunk = wanted.subList(from, Math.min(wanted.size(), from + TOGETHER));
            if (chunk.size() > 1 && appliedTogether(consumer, chunk, effects)) {
                continue;
            }
            for (Received received : chunk) {
                try (Scope scope = traceOf(received.event()).makeCurrent()) {
                    apply(consumer, received.event(), effects);
                } catch (RuntimeException e) {
                    unprocessable.add(Map.entry(received.record(), e));
                }
            }
        }
        for (var parked : unprocessable) {
            park(consumer, parked.getKey(), parked.getValue());
        }
    }

    /**
     * Runs what a consumer keeps about a whole poll (io.cairn.kit.consent.ConsentProjection#heard), in its own
     * transaction once {@link #applyAllOnce} returned, waiting out a database outage as an event does.
     *
     * @throws RuntimeException the step's own failure, which is not the database's: the channel stops, and the poll
     *         is delivered again after the restart
     */
    public void afterPoll(String consumer, Runnable step) {
        int outages = 0;
        while (true) {
            if (stopping) {
                holdForRedelivery(consumer, "the end of a poll");
            }
            try {
                QuarkusTransaction.requiringNew().run(step);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdForRedelivery(consumer, "the end of a poll");
                } else if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s waits for the database to end a poll: %s", consumer, e.getMessage());
                pause(outageWait(outages++));
            }
        }
    }

    /** What a channel subscribed to several topics does with one topic's records: its inbox name and effects. */
    public record TopicConsumer(String consumer, EventEffects effects) {
    }

    /**
     * Applies one poll of a channel subscribed to several topics: each topic's records as {@link #applyAllOnce} does
     * for a channel of its own, under that topic's inbox name. One Kafka consumer where there was one per topic: fewer
     * fetches, threads and wake-ups for records that are mostly passed over.
     *
     * @throws IllegalStateException for a record of a topic the channel has no consumer for (a configuration fault)
     */
    public void applyAllOnce(ConsumerRecords<String, String> records, Map<String, TopicConsumer> byTopic) {
        for (String topic : records.partitions().stream().map(TopicPartition::topic).distinct().toList()) {
            TopicConsumer topicConsumer = byTopic.get(topic);
            if (topicConsumer == null) {
                throw new IllegalStateException("No consumer for the records of topic " + topic + "; configured for "
                        + byTopic.keySet());
            }
            applyAllOnce(topicConsumer.consumer(), records.records(topic), topicConsumer.effects());
        }
    }

    /**
     * Parks the record, waiting for the broker to take it as for the database in an outage: the poll is acknowledged
     * only once each of its records is applied or parked.
     */
    private void park(String consumer, ConsumerRecord<String, String> record, RuntimeException reason) {
        int failures = 0;
        while (true) {
            if (stopping) {
                throw new IllegalStateException(consumer + " is stopping before it could park a record; the poll "
                        + "comes again after the restart");
            }
            try {
                deadLetters.park(record, reason);
                return;
            } catch (IllegalStateException e) {
                LOG.warnf("%s waits for the broker to park a record: %s", consumer, e.getMessage());
                pause(outageWait(failures++));
            }
        }
    }

    /** A record and the event read from it. */
    private record Received(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    /**
     * The batch's events in one transaction, waiting out an outage as one event does.
     *
     * @return whether they were applied; {@code false} when one of them failed, and none was
     */
    private boolean appliedTogether(String consumer, List<Received> batch, EventEffects effects) {
        int outages = 0;
        while (true) {
            if (stopping) {
                holdForRedelivery(consumer, batch.get(0).event());
            }
            try {
                QuarkusTransaction.requiringNew().timeout(TOGETHER_TIMEOUT_SECONDS).run(() -> {
                    for (Received received : batch) {
                        try (Scope scope = traceOf(received.event()).makeCurrent()) {
                            applyIfFirst(consumer, received.event(), effects);
                        }
                        // Each event's changes are written and let go before the next one's effect: otherwise each
                        // query of a later event dirty-checks every entity the earlier ones loaded or made, and a
                        // batch costs its size squared (a third of a busy consumer's time, profiled).
                        entities.flush();
                        entities.clear();
                    }
                });
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdForRedelivery(consumer, batch.get(0).event());
                } else if (TransientFailures.isTransient(e) && outages < maxRetries) {
                    // An outage, or a deadlock with a request: after a few tries, one at a time (each still waits an
                    // outage out), so that a long transaction is not itself the cause.
                    LOG.warnf("%s waits for the database to apply %d events: %s", consumer, batch.size(),
                            e.getMessage());
                    pause(outageWait(outages++));
                } else {
                    LOG.debugf("%s applies a batch one event at a time: %s", consumer, e.getMessage());
                    return false;
                }
            }
        }
    }

    /** The event's trace, current while its effect runs, so that the events it causes continue it. */
    private static Context traceOf(IncomingEvent event) {
        String traceparent = event.envelope().traceparent();
        if (traceparent == null) {
            return Context.current();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.current(), traceparent, TRACEPARENT);
    }

    /** Reads a {@code traceparent} value as the only field of its carrier. */
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(CloudEventHeaders.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    /**
     * Applies one event in its own transaction: a failing effect is retried {@code cairn.inbox.max-retries} times, an
     * outage waited out.
     *
     * @throws PoisonEventException at once for an event that can never be processed
     * @throws RuntimeException the effect's own failure after the retries
     */
    private void apply(String consumer, IncomingEvent event, EventEffects effects) {
        int failures = 0;
        int outages = 0;
        while (true) {
            if (stopping) {
                holdForRedelivery(consumer, event);
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> applyIfFirst(consumer, event, effects));
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    // The database and ORM are closing under us: not the event's fault, and not to be dead-lettered.
                    holdForRedelivery(consumer, event);
                } else if (TransientFailures.isTransient(e)) {
                    // The partition waits: later events of this patient must not overtake this one.
                    LOG.warnf("%s waits for the database to apply event %s: %s", consumer,
                            event.envelope().id(), e.getMessage());
                    pause(outageWait(outages++));
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
        holdForRedelivery(consumer, "event " + event.envelope().id());
    }

    private static void holdForRedelivery(String consumer, String what) {
        LOG.infof("%s is stopping: %s is left for redelivery after the restart", consumer, what);
        long until = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // Keep holding: returning or throwing would acknowledge or dead-letter the record.
                Thread.interrupted();
            }
        }
        throw new IllegalStateException("Still stopping after " + HOLD_LIMIT + "; " + what + " was not applied");
    }

    /** Applies the event's effect and remembers it in the inbox, in the caller's transaction, unless it was before. */
    private void applyIfFirst(String consumer, IncomingEvent event, EventEffects effects) {
        if (inbox.firstDelivery(consumer, event)) {
            effects.apply(event);
        } else {
            LOG.debugf("%s already applied event %s", consumer, event.envelope().id());
        }
    }

    /** The wait before the next try in an outage: doubling from the retry delay, up to the longest outage back-off. */
    private long outageWait(int outagesSoFar) {
        return Math.min(maxOutageBackoff.toMillis(), retryDelay.toMillis() << Math.min(outagesSoFar, 10));
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
        if (passedOver(record, wanted)) {
            return Optional.empty();
        }
        EventEnvelope envelope;
        try {
            envelope = CloudEventHeaders.read(record.headers());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("no valid CloudEvents envelope: " + e.getMessage());
        }
        EventType type = EventType.fromType(envelope.type()).orElseThrow();
        JsonNode data = parse(record.value(), envelope);
        List<String> violations = EventSchemas.instance().incompatibilities(type, data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("data of " + envelope.type() + " violates its schema: " + violations);
        }
        if (!envelope.subject().equals(data.path("patientId").asText())) {
            throw new PoisonEventException("subject " + envelope.subject() + " is not the data's patientId");
        }
        return Optional.of(new IncomingEvent(envelope, type, data, json));
    }

    /**
     * Whether the record names a type this consumer does not apply: decided on that header alone, before the rest of
     * the envelope or the data is read, as most records on a topic are for other consumers. A record without a type
     * is read in full, and parked as unreadable.
     */
    private static boolean passedOver(ConsumerRecord<String, String> record, Set<EventType> wanted) {
        String typeName = CloudEventHeaders.type(record.headers());
        if (typeName == null || typeName.isBlank()) {
            return false;
        }
        if (RelayCheckpoint.is(typeName)) {
            return true;
        }
        Optional<EventType> type = EventType.fromType(typeName);
        if (type.isEmpty()) {
            LOG.infof("Skipping the event at %s-%d@%d of unknown type %s", record.topic(), record.partition(),
                    record.offset(), typeName);
            return true;
        }
        return !wanted.contains(type.get());
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
