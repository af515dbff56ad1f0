package io.cairn.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reads the gateway makes of the services itself, where one request is answered from several of them
 * ({@link SharedFhirType}, {@link MergedAuditTrail}): each carries the caller's token, request id and trace.
 */
final class BackendReads {

    /** How long a piped answer may stand still before it is given up. */
    private static final java.time.Duration PIPE_IDLE = java.time.Duration.ofMinutes(5);
    /** Relayed from the service that answered a read. */
    private static final List<String> READ_HEADERS = List.of("Content-Type", "ETag", "Last-Modified",
            "Content-Location", "Location");
    /** Sent on to the services: who asks, which request this is, where the client reached us, and the trace. */
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Accept", GatewayRouter.REQUEST_ID,
            ForwardedHeaders.HOST, ForwardedHeaders.PROTO, "traceparent", "tracestate");

    /** One service's answer. */
    record Answer(int status, MultiMap headers, Buffer body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final GatewayConfig config;

    BackendReads(HttpClient client, GatewayConfig config) {
        this.client = client;
        this.config = config;
    }

    Future<Answer> get(RoutingContext rc, Backend backend, String uri) {
        return send(rc, backend, HttpMethod.GET, uri);
    }

    /** A request without a body, such as a POST that starts work or a DELETE. */
    Future<Answer> send(RoutingContext rc, Backend backend, HttpMethod method, String uri) {
        return send(rc, backend, method, uri, null);
    }

    /** A request with a JSON body (none when null), on the caller's behalf. */
    Future<Answer> send(RoutingContext rc, Backend backend, HttpMethod method, String uri, Buffer json) {
        RequestOptions options = options(rc, backend, method, uri);
        if (json != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options).compose(request -> json == null ? request.send() : request.send(json))
                .compose(response -> response.body()
                        .map(body -> new Answer(response.statusCode(), response.headers(), body)));
    }

    /**
     * The service's answer to a GET sent on to the client as it comes, never held whole here (an export's file of
     * the whole program); a 503 with {@code unavailable} when the service does not answer.
     */
    void pipe(RoutingContext rc, Backend backend, String uri, String unavailable) {
        // A slow client pauses the pipe, and so the service's side: that is no reason to give up on it.
        RequestOptions options = options(rc, backend, HttpMethod.GET, uri).setIdleTimeout(PIPE_IDLE.toMillis());
        client.request(options).compose(HttpClientRequest::send).onComplete(sent -> {
            if (sent.failed()) {
                unavailable(rc, unavailable);
                return;
            }
            HttpClientResponse answer = sent.result();
            HttpServerResponse response = rc.response().setStatusCode(answer.statusCode());
            relayHeaders(answer.headers(), response);
            String length = answer.headers().get("Content-Length");
            if (length != null) {
                response.putHeader("Content-Length", length);
            } else {
                response.setChunked(true);
            }
            // A transfer broken on either side is broken on both: a client never takes a cut file for a whole one,
            // and a service stops sending (and recording as disclosed) what no one reads.
            response.closeHandler(closed -> answer.request().reset());
            answer.pipe().endOnFailure(false).to(response).onFailure(broken -> {
                answer.request().reset();
                response.reset();
            });
        });
    }

    /** A request to the service on the caller's behalf: their token, request id and trace. */
    private RequestOptions options(RoutingContext rc, Backend backend, HttpMethod method, String uri) {
        URI address = backend.address(config);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(address.getHost())
                .setPort(address.getPort() > 0 ? address.getPort() : 80).setURI(uri)
                .setIdleTimeout(config.backendTimeout().toMillis());
        for (String header : FORWARDED_HEADERS) {
            String value = rc.request().getHeader(header);
            if (value != null) {
                options.putHeader(header, value);
            }
        }
        return options;
    }

    /** The service's answer as the client's, unless one was already sent. */
    static void relay(RoutingContext rc, Answer answer) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(answer.status());
        relayHeaders(answer.headers(), response);
        response.end(answer.body());
    }

    private static void relayHeaders(MultiMap from, HttpServerResponse response) {
        for (String header : READ_HEADERS) {
            String value = from.get(header);
            if (value != null) {
                response.putHeader(header, value);
            }
        }
    }

    /** A 503: a service the answer needs did not give it. */
    static void unavailable(RoutingContext rc, String detail) {
        GatewayProblems.send(rc.response(), 503, "service-unavailable", "Service Unavailable", detail,
                rc.request().path());
    }

    /** The request's query, as sent, without the named parameters; each pair followed by {@code &}. */
    static String queryWithout(HttpServerRequest request, Set<String> names) {
        StringBuilder query = new StringBuilder();
        for (String pair : Optional.ofNullable(request.query()).orElse("").split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !names.contains(name)) {
                query.append(pair).append('&');
            }
        }
        return query.toString();
    }

    /** A value as a query string carries it. */
    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The request's path at the address the client used (as the services write their links), and a {@code ?}. */
    static StringBuilder publicPath(HttpServerRequest request) {
        return new StringBuilder(ForwardedHeaders.base(request)).append(request.path()).append('?');
    }
}
