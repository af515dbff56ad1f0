package io.cairn.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under the event chain: raw produce → consume on the local stack's broker, with the durability Cairn's
 * relay asks for ({@code acks=all}, idempotent) and no batching delay. Each record carries its send time.
 */
final class KafkaFloor {

    static final String TOPIC = "cairn.benchmark.kafka-floor";

    private KafkaFloor() {
    }

    static Latencies.Summary measure(int rate, Duration duration) throws Exception {
        Properties common = new Properties();
        common.put("bootstrap.servers", "localhost:9092");
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties producerConfig = new Properties();
        producerConfig.putAll(common);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        producerConfig.put("linger.ms", "0");
        producerConfig.put("key.serializer", ByteArraySerializer.class.getName());
        producerConfig.put("value.serializer", ByteArraySerializer.class.getName());
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(common);
        consumerConfig.put("key.deserializer", ByteArrayDeserializer.class.getName());
        consumerConfig.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Latencies latencies = new Latencies();
        long total = Math.max(1, rate * duration.toMillis() / 1000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig);
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread sender = new Thread(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                    producer.send(new ProducerRecord<>(TOPIC, ByteBuffer.allocate(8).putLong(System.nanoTime())
                            .array()));
                }
            }, "kafka-floor-sender");
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(30);
            while (received < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    latencies.recordNanos(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                    received++;
                }
            }
            sender.join();
            if (received < total) {
                throw new IllegalStateException("Only " + received + " of " + total + " records came back");
            }
        }
        return latencies.summary();
    }
}
