package io.cairn.kit.events;

import io.cairn.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Parks a record a consumer cannot process on its topic's dead-letter topic ({@code <topic>.dlq}), unchanged, with
 * the reason in the headers SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause},
 * {@code -topic}, {@code -partition}, {@code -offset}). A batch consumer parks records one by one itself, as its
 * channel's strategy would park the whole batch; each is on the topic before the batch is acknowledged.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaConfig;
    private volatile KafkaProducer<String, String> producer;

    DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * Sends the record to its dead-letter topic and waits for the broker's acknowledgement.
     *
     * @throws IllegalStateException when the broker did not take it in time: the caller tries again
     */
    public void park(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
        parked.headers().remove("dead-letter-reason");
        parked.headers().add("dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        parked.headers().add("dead-letter-exception-class-name", bytes(reason.getClass().getName()));
        if (reason.getCause() != null) {
            parked.headers().add("dead-letter-cause", bytes(String.valueOf(reason.getCause().getMessage())));
            parked.headers().add("dead-letter-cause-class-name", bytes(reason.getCause().getClass().getName()));
        }
        parked.headers().add("dead-letter-topic", bytes(record.topic()));
        parked.headers().add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        parked.headers().add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        try {
            producer().send(parked).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.warnf("Parked %s-%d@%d on %s: %s", record.topic(), record.partition(), record.offset(),
                    parked.topic(), reason.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The dead-letter topic " + parked.topic() + " did not take the record", e);
        }
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(3));
            producer = null;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>(kafkaConfig);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
                    // A broker away makes send() wait for metadata: no longer than a send may take.
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT.toMillis() / 2);
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(config);
                }
            }
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
