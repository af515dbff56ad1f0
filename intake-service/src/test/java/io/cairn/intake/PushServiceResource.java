package io.cairn.intake;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the mobile app's push service, on loopback, once per test JVM: it keeps each POST it took with its
 * signature, and refuses as many as a test asks, as a push service in trouble would.
 */
public class PushServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "push-service-test-secret";

    /** One POST the push service received. */
    public record Received(String signature, String body, int answered) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSALS = new AtomicInteger();
    private static HttpServer server;

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** The next {@code count} POSTs are answered 503. */
    public static void refuseNext(int count) {
        REFUSALS.set(count);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/reminders", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int status = REFUSALS.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
                RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Cairn-Signature"), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }
        return Map.of("intake.reminders.push.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/reminders",
                "intake.reminders.push.secret", SECRET);
    }

    @Override
    public void stop() {
        // Shared by the whole test JVM.
    }
}
