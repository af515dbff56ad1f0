package io.cairn.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * A real single-node Apache Kafka broker (KRaft, in this JVM, no Docker), started once per test JVM. Its ports and log
 * directory stay the same across {@link #stopBroker()} and {@link #startBroker()}, so fault tests can take the broker
 * away and bring it back with every record it had.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Enough partitions that per-patient ordering depends on the record key, as in production. */
    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaBroker broker;
    private static Path logDir;
    private static KafkaCompanion companion;

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = newBroker();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaResource::shutdown, "kafka-test-broker-stop"));
        }
        return broker.getAdvertisedListeners();
    }

    /** A client for producing and consuming test records and inspecting topics. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers());
        }
        return companion;
    }

    /** Takes the broker away (clients see connection failures) and keeps its data. */
    public static synchronized void stopBroker() {
        broker.close();
    }

    /** Brings the broker back on the same port with the same data. */
    public static synchronized void startBroker() {
        broker.start();
    }

    private static EmbeddedKafkaBroker newBroker() {
        try {
            logDir = Files.createTempDirectory("cairn-kafka-");
            return new EmbeddedKafkaBroker()
                    .withKafkaPort(freePort())
                    .withControllerPort(freePort())
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(p -> {
                        p.put("log.dir", logDir.toString());
                        p.put("num.partitions", String.valueOf(PARTITIONS));
                        p.put("auto.create.topics.enable", "true");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static synchronized void shutdown() {
        if (companion != null) {
            companion.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (logDir != null) {
            try (var files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // Only a temporary directory left behind.
            }
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every Quarkus application of this JVM; stopped by the shutdown hook.
    }
}
