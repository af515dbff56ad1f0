package io.cairn.gateway;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address the client used ({@code X-Forwarded-Host}, {@code -Proto}), as an ingress in front of the gateway
 * reports it, checked once as the request arrives: a client may send these headers itself, and the services and the
 * gateway write them into links (Location, Bundle links, export URLs, the capability statement). A value that is no
 * host or scheme, or several of them, gives way to the gateway's own address.
 */
final class ForwardedHeaders {

    static final String HOST = "X-Forwarded-Host";
    static final String PROTO = "X-Forwarded-Proto";

    /** A DNS name or IP literal, and a port: nothing a link could be broken out of. */
    private static final Pattern HOST_NAME = Pattern
            .compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private ForwardedHeaders() {
    }

    /** Sets both headers to the client's address, as the services and the rest of the gateway will read them. */
    static void settle(HttpServerRequest request) {
        String host = host(request);
        String proto = proto(request);
        request.headers().set(HOST, host);
        request.headers().set(PROTO, proto);
    }

    /** {@code scheme://host[:port]} of the client's address. */
    static String base(HttpServerRequest request) {
        return proto(request) + "://" + host(request);
    }

    private static String proto(HttpServerRequest request) {
        return Optional.ofNullable(request.headers().getAll(PROTO)).filter(values -> values.size() == 1)
                .map(values -> values.get(0)).filter(p -> p.equals("http") || p.equals("https"))
                .orElse(request.scheme());
    }

    private static String host(HttpServerRequest request) {
        return Optional.ofNullable(request.headers().getAll(HOST)).filter(values -> values.size() == 1)
                .map(values -> values.get(0)).filter(h -> HOST_NAME.matcher(h).matches())
                .or(() -> Optional.ofNullable(request.authority()).map(Object::toString)
                        .filter(h -> HOST_NAME.matcher(h).matches()))
                .orElse("localhost");
    }
}
