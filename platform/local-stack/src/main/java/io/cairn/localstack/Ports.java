package io.cairn.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Every port the stack needs, checked before anything starts, so a clash is named instead of half a platform. */
final class Ports {

    static final int POSTGRES = 5432;
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int KEYCLOAK = 8180;
    static final int GATEWAY = 8080;
    static final int FAULT_CONTROL = 8099;
    static final int SMTP = 3025;
    static final int IMAP = 3143;

    private Ports() {
    }

    static void requireFree(Map<String, Integer> ports) {
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port.getValue() + " (" + port.getKey()
                        + ") is already in use: stop what uses it, or point Cairn at an external one (see README)");
            }
        }
    }
}
