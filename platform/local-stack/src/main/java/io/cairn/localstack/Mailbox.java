package io.cairn.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server (GreenMail) for the worklist's pages: SMTP for the worklist to send, IMAP for a person or a test
 * to read the on-call mailbox. Loopback only; mail stays in memory and is gone when the stack stops.
 */
final class Mailbox {

    static final String ON_CALL = "on-call@cairn.local";
    static final String USER = "on-call";
    static final String PASSWORD = "on-call";

    private final GreenMail server;

    private Mailbox(GreenMail server) {
        this.server = server;
    }

    static Mailbox start() {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(Ports.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Ports.IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        server.start();
        server.setUser(ON_CALL, USER, PASSWORD);
        return new Mailbox(server);
    }

    void stop() {
        server.stop();
    }
}
