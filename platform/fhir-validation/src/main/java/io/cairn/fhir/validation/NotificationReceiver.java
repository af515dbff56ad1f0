package io.cairn.fhir.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An EHR's notification endpoint on loopback, as a FHIR Subscription's {@code rest-hook} POSTs to it: it keeps every
 * notification it takes, with its signature checked against the subscription's secret, and can refuse for a while
 * (an endpoint answering 503) or go away altogether (nothing listening on its port). For service tests (through the
 * testkit) and the system tests alike.
 */
public final class NotificationReceiver implements AutoCloseable {

    /** One POST taken: the Bundle, and whether its {@code Cairn-Signature} matched the secret. */
    public record Received(JsonNode bundle, boolean signed, String authorization) {

        /** The notification type: handshake, heartbeat or event-notification. */
        public String type() {
            return parameter("type").path("valueCode").asText();
        }

        /** The focus of its event, such as {@code http://…/fhir/r4/CarePlan/5e…}, or "" for none. */
        public String focus() {
            for (JsonNode part : parameter("notification-event").path("part")) {
                if ("focus".equals(part.path("name").asText())) {
                    return part.path("valueReference").path("reference").asText();
                }
            }
            return "";
        }

        public long eventNumber() {
            for (JsonNode part : parameter("notification-event").path("part")) {
                if ("event-number".equals(part.path("name").asText())) {
                    return Long.parseLong(part.path("valueString").asText());
                }
            }
            return 0;
        }

        private JsonNode parameter(String name) {
            for (JsonNode parameter : bundle.path("entry").path(0).path("resource").path("parameter")) {
                if (name.equals(parameter.path("name").asText())) {
                    return parameter;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private int port;
    private HttpServer server;

    private NotificationReceiver(String secret) {
        this.secret = secret;
    }

    /** A receiver listening on a free loopback port, checking signatures with {@code secret}. */
    public static NotificationReceiver start(String secret) {
        NotificationReceiver receiver = new NotificationReceiver(secret);
        receiver.listen(0);
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/notifications";
    }

    /** Answers the next {@code count} POSTs with 503, taking none of them. */
    public void refuseNext(int count) {
        refusals.set(count);
    }

    /** Stops listening: POSTs find the port closed. */
    public void down() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void up() {
        listen(port);
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} notifications matching {@code which} have arrived, and answers them in order. */
    public List<Received> await(Predicate<Received> which, int count, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (matching(which).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Received " + matching(which).size() + " of the " + count
                        + " notifications awaited within " + atMost + "; all received: " + received());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return matching(which);
    }

    public synchronized List<Received> matching(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/notifications", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            boolean signed = verify(exchange.getRequestHeaders().getFirst("Cairn-Signature"), body);
            JsonNode bundle = JSON.readTree(body);
            synchronized (this) {
                received.add(new Received(bundle, signed, exchange.getRequestHeaders().getFirst("Authorization")));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t." + body>}, as Cairn signs. */
    private boolean verify(String header, byte[] body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String time = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf("v1=") + 3);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((time + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
