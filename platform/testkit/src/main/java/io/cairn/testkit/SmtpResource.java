package io.cairn.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free loopback port, once per test JVM; its mailbox is what the tests read. */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static ServerSetup setup;

    public static synchronized GreenMail server() {
        if (server == null) {
            setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new GreenMail(setup);
            server.start();
        }
        return server;
    }

    /** The mail server goes away, as in an outage; {@link #restart()} brings it back on the same port. */
    public static synchronized void outage() {
        server().stop();
    }

    public static synchronized void restart() {
        server = new GreenMail(setup);
        server.start();
    }

    /** Every message the server has received so far. */
    public static List<MimeMessage> received() {
        return List.of(server().getReceivedMessages());
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(server().getSmtp().getPort()));
    }

    @Override
    public void stop() {
        // Shared by the whole test JVM; a test makes its outage with outage().
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
