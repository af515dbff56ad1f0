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
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress() || isUniqueLocal(address)) {
                    return Optional.of("must be on a public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
