package io.cairn.intake.domain.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which endpoints notifications may go to: {@code https} on a public address. A client may not aim Cairn's POSTs at
 * an address inside the clinic's network, where they would reach services no client should. Checked when the
 * subscription is saved, and again before each POST, as a name may come to point elsewhere.
 */
public final class Endpoints {

    static final int MAX_LENGTH = 2048;

    private Endpoints() {
    }

    /** Why notifications may not go to {@code endpoint}, or empty when they may. */
    public static Optional<String> refusal(String endpoint, boolean allowLocal) {
        if (endpoint.length() > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("https") || allowLocal && scheme.equals("http")) || uri.getHost() == null) {
            return Optional.of("must be an https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials: send them as a channel header");
        }
        if (allowLocal) {
            return Optional.empty();
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return Optional.of("must be on port 443");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("must be on a public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    /** Whether the address is global unicast: none of the ranges that stay inside a network, or mean something else. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // this network
                    || first == 100 && (second & 0xc0) == 64 // 100.64.0.0/10, carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24, protocol assignments
                    || first == 198 && (second & 0xfe) == 18 // 198.18.0.0/15, benchmarking
                    || first >= 240); // reserved and broadcast
        }
        // IPv6: only global unicast (2000::/3), and not the ranges in it that carry an IPv4 address (6to4, Teredo),
        // whose IPv4 part could be private.
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean globalUnicast = (first & 0xe0) == 0x20;
        boolean carriesIpv4 = first == 0x20 && second == 0x02 // 2002::/16, 6to4
                || first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0; // 2001::/32, Teredo
        return globalUnicast && !carriesIpv4;
    }
}
