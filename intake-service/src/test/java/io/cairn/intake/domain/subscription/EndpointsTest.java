package io.cairn.intake.domain.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Notifications leave the clinic only for https on public addresses: a client cannot aim intake's POSTs at something
 * inside its network. Addresses are literals, so nothing is looked up.
 */
class EndpointsTest {

    @Test
    void anHttpsEndpointOnAPublicAddressIsTaken() {
        assertEquals(Optional.empty(), Endpoints.refusal("https://203.0.113.10/fhir/notifications", false));
        assertEquals(Optional.empty(), Endpoints.refusal("https://203.0.113.10:443/hook", false));
        assertEquals(Optional.empty(), Endpoints.refusal("https://[2606:4700::6810:84e5]/hook", false));
    }

    @Test
    void anEndpointInsideTheNetworkOrNotHttpsIsRefused() {
        for (String endpoint : List.of("http://203.0.113.10/hook", "ftp://203.0.113.10/hook",
                "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data", "https://100.64.1.1/hook", "https://0.0.0.0/hook",
                "https://198.18.0.1/hook", "https://224.0.0.1/hook", "https://255.255.255.255/hook",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook",
                "https://[2002:a00:1::]/hook", "https://203.0.113.10:8443/hook", "https://user:pw@203.0.113.10/hook",
                "https://exa mple.org/hook", "https:///hook", "https://203.0.113.10/" + "a".repeat(2100))) {
            assertTrue(Endpoints.refusal(endpoint, false).isPresent(), endpoint + " must be refused");
        }
    }

    @Test
    void aLocalRunMayNotifyAReceiverOnLoopback() {
        assertEquals(Optional.empty(), Endpoints.refusal("http://127.0.0.1:9999/notifications", true));
        assertTrue(Endpoints.refusal("ftp://127.0.0.1/notifications", true).isPresent());
    }
}
