package io.cairn.gateway;

import io.cairn.contracts.Roles;
import io.cairn.tokens.VerifiedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Handler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The front door for {@code /api/v1/**}: a request id, a bearer token verified by quarkus-oidc (signature, issuer,
 * audience, expiry), the client's rate limit and the body size come first; only then is the request streamed to the service
 * that owns its path. A backend that is down or
 * too slow is answered with 503 or 504, never with its address.
 */
@ApplicationScoped
public class GatewayRouter {

    static final String REQUEST_ID = "X-Request-Id";

    private final GatewayConfig config;
    private final RateLimits rateLimits;
    private final AccessLog accessLog;
    private final MeterRegistry meters;
    private final VerifiedTokens tokens;
    private HttpClient client;
    private SharedFhirType sharedFhirType;
    private MergedAuditTrail auditTrail;
    private PatientEverything everything;
    private BulkExport bulkExport;
    private PatientIncludes patientIncludes;

    GatewayRouter(GatewayConfig config, RateLimits rateLimits, AccessLog accessLog, MeterRegistry meters,
            VerifiedTokens tokens) {
        this.config = config;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.accessLog = accessLog;
        this.meters = meters;
    }

    void register(@Observes Router router, Vertx vertx) {
        // Vert.x would keep only 5 connections per service: under load every other request would queue for one.
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(config.backendTimeout().toMillis(), 5_000)),
                new PoolOptions().setHttp1MaxSize(config.backendConnections()).setHttp2MaxSize(
                        config.backendConnections()).setMaxWaitQueueSize(config.backendQueue()));
        BackendReads reads = new BackendReads(client, config);
        patientIncludes = new PatientIncludes(reads);
        sharedFhirType = new SharedFhirType(reads, patientIncludes);
        auditTrail = new MergedAuditTrail(reads);
        everything = new PatientEverything(reads);
        bulkExport = new BulkExport(reads);
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(this::originRequest)
                .addInterceptor(new BackendFailures());
        router.route(RouteTable.API_PREFIX + "*").order(-10).handler(rc -> handle(rc, proxy));
        router.route("/api/v1").order(-10).handler(rc -> handle(rc, proxy));
        // FHIR views, routed by resource type (RouteTable); /fhir/r4/metadata is the gateway's own (FhirMetadata).
        router.route("/fhir/*").order(-10).handler(rc -> handle(rc, proxy));
    }

    /** Below the services' own limit of a 4,096-byte request line, method and protocol included. */
    static final int MAX_URI_LENGTH = 4000;

    /** Bodies read in full before forwarding (or known to be empty), until the proxy sends them. */
    private final Map<HttpServerRequest, Body> readBodies = new ConcurrentHashMap<>();

    private void handle(RoutingContext rc, HttpProxy proxy) {
        HttpServerRequest request = rc.request();
        request.pause();
        String requestId = Optional.ofNullable(request.getHeader(REQUEST_ID)).filter(id -> !id.isBlank()
                && id.length() <= 200).orElseGet(() -> UUID.randomUUID().toString());
        request.headers().set(REQUEST_ID, requestId);
        // Services write links (Location) to the address the client used, not to themselves; an ingress in front
        // of the gateway may have set these already, and a client too (checked here, once).
        ForwardedHeaders.settle(request);
        rc.response().putHeader(REQUEST_ID, requestId);
        String route = RouteTable.routeName(request.path());
        long started = System.nanoTime();
        rc.addEndHandler(done -> {
            int status = rc.response().getStatusCode();
            long nanos = System.nanoTime() - started;
            Timer.builder("cairn.gateway.requests").tag("route", route).tag("method", request.method().name())
                    .tag("status", String.valueOf(status)).register(meters)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            accessLog.record(requestId, rc.get("cairn.subject"), route, request.method().name(), status, nanos);
        });
        boolean bodyExpected = mayHaveBody(request);
        if (bodyExpected && !request.isEnded()) {
            // A body trickled in byte by byte (a slow-loris) would hold a connection and a backend request open.
            long deadline = rc.vertx().setTimer(config.bodyTimeout().toMillis(), id -> {
                if (!request.isEnded() && !rc.response().headWritten()) {
                    rc.response().putHeader("Connection", "close");
                    // The rest of the body is not waited for: the connection (HTTP/2: the stream) ends with the answer.
                    rc.response().endHandler(sent -> {
                        if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
                            rc.response().reset();
                        } else {
                            request.connection().close();
                        }
                    });
                    fail(rc, 408, "request-timeout", "Request Timeout", "The request body did not arrive within "
                            + config.bodyTimeout().toSeconds() + " seconds");
                }
            });
            rc.addEndHandler(done -> rc.vertx().cancelTimer(deadline));
        }
        if (request.uri().length() > MAX_URI_LENGTH) {
            // Longer lines would meet the services' HTTP codec, which answers with a bare 414: answer it here.
            fail(rc, 414, "uri-too-long", "URI Too Long", "The request URI is longer than " + MAX_URI_LENGTH
                    + " characters");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.length() <= 7) {
            unauthorized(rc);
            return;
        }
        tokens.verify(authorization.substring(7).strip()).subscribe().with(identity -> {
            if (Roles.SERVICE_ACCOUNTS.stream().anyMatch(identity::hasRole)) {
                // Cairn's own service accounts read inside the cluster, past consent checks done elsewhere; through
                // the public entry such a token would read any patient's records.
                fail(rc, 403, "forbidden", "Forbidden", "This token is for Cairn's own services, not for the API");
                return;
            }
            String client = clientOf(identity);
            rc.put("cairn.subject", identity.getPrincipal().getName());
            rc.put(MergedSearch.STAFF, Roles.ALL.stream().filter(role -> !role.equals(Roles.PATIENT)
                    && !role.equals(Roles.EHR_INTEGRATION)).anyMatch(identity::hasRole));
            forward(rc, proxy, client, bodyExpected);
        }, failure -> unauthorized(rc));
    }

    private void forward(RoutingContext rc, HttpProxy proxy, String client, boolean bodyExpected) {
        HttpServerRequest request = rc.request();
        boolean export = !bodyExpected && BulkExport.serves(request);
        // An export's status and files belong to no one resource type: the export answers them from every service.
        Optional<Backend> backend = export ? Optional.of(Backend.INTAKE) : RouteTable.ownerOf(request.path());
        if (backend.isEmpty()) {
            fail(rc, 404, "not-found", "Not Found", "There is nothing at this path");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parse(length) > config.maxBodyBytes()) {
            tooLarge(rc);
            return;
        }
        boolean write = !(request.method().name().equals("GET") || request.method().name().equals("HEAD"));
        OptionalLong retryAfter = rateLimits.tryAcquire(client, write);
        if (retryAfter.isPresent()) {
            rc.response().putHeader("Retry-After", String.valueOf(retryAfter.getAsLong()));
            fail(rc, 429, "too-many-requests", "Too Many Requests", "Rate limit reached; retry after "
                    + retryAfter.getAsLong() + " seconds");
            return;
        }
        if (export) {
            request.resume();
            bulkExport.handle(rc);
            return;
        }
        if (request.method() == HttpMethod.GET && !bodyExpected && MergedAuditTrail.serves(request.path())) {
            // Before the shared FHIR types: every service serves AuditEvent, but an id names the one that keeps it.
            request.resume();
            auditTrail.handle(rc);
            return;
        }
        if (request.method() == HttpMethod.GET && !bodyExpected && PatientEverything.serves(request.path())) {
            request.resume();
            everything.handle(rc);
            return;
        }
        if (request.method() == HttpMethod.GET && !bodyExpected && PatientIncludes.asks(request)) {
            request.resume();
            patientIncludes.handle(rc, backend.get());
            return;
        }
        List<Backend> fhirOwners = RouteTable.fhirOwnersOf(request.path());
        if (fhirOwners.size() > 1 && request.method() == HttpMethod.GET && !bodyExpected) {
            request.resume();
            sharedFhirType.handle(rc, fhirOwners, RouteTable.fhirType(request.path()));
            return;
        }
        if (!bodyExpected) {
            // Not tied to the client's stream: a client that goes away cannot leave this request half sent, holding
            // a connection to the service until it times out.
            request.resume();
            forwardRead(request, Body.body(new NoBody(), -1), proxy);
            return;
        }
        if (length == null && carriesBody(request)) {
            // Chunked, HTTP/2 without a length, or no body at all: read it up to the limit, then send it with its
            // length, so a service never sees a body it has not been told the size of.
            forwardMeasured(rc, proxy);
            return;
        }
        request.resume();
        proxy.handle(request);
    }

    private void forwardMeasured(RoutingContext rc, HttpProxy proxy) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        if (request.isEnded()) {
            forwardRead(request, Body.body(body), proxy);
            return;
        }
        AtomicBoolean tooLarge = new AtomicBoolean();
        request.handler(chunk -> {
            if (tooLarge.get()) {
                return;
            }
            if (body.length() + chunk.length() > config.maxBodyBytes()) {
                tooLarge.set(true);
                rc.response().putHeader("Connection", "close");
                tooLarge(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!tooLarge.get()) {
                forwardRead(request, Body.body(body), proxy);
            }
        });
        request.resume();
    }

    private void forwardRead(HttpServerRequest request, Body body, HttpProxy proxy) {
        HttpServerRequest read = new ReadRequest((HttpServerRequestInternal) request);
        readBodies.put(read, body);
        proxy.handle(read);
    }

    /** A method whose requests carry a body even without a length (HTTP/2, or chunked). */
    private static boolean carriesBody(HttpServerRequest request) {
        return switch (request.method().name()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    /** Whether a body may follow the headers: a length above zero, a chunked body, or a body-carrying method. */
    private static boolean mayHaveBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return parse(length) != 0;
        }
        return request.getHeader("Transfer-Encoding") != null || carriesBody(request);
    }

    /** The body of a request that has none: it ends as soon as the proxy reads it. */
    private static final class NoBody implements ReadStream<Buffer> {

        private Handler<Void> end;

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return fetch(1);
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            Handler<Void> ended = end;
            end = null;
            if (ended != null) {
                ended.handle(null);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            end = handler;
            return this;
        }
    }

    /** A request whose body has been read: the proxy must not try to pause or read it again (HTTP/2 forbids it). */
    private static final class ReadRequest extends HttpServerRequestWrapper {

        ReadRequest(HttpServerRequestInternal delegate) {
            super(delegate);
        }

        @Override
        public HttpServerRequest pause() {
            return this;
        }

        @Override
        public HttpServerRequest resume() {
            return this;
        }

        @Override
        public HttpServerRequest fetch(long amount) {
            return this;
        }

        @Override
        public HttpServerRequest handler(io.vertx.core.Handler<Buffer> handler) {
            return this;
        }

        @Override
        public HttpServerRequest endHandler(io.vertx.core.Handler<Void> handler) {
            return this;
        }
    }

    private Future<io.vertx.core.http.HttpClientRequest> originRequest(ProxyContext context) {
        String uri = context.request().getURI();
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        URI backend = RouteTable.ownerOf(path).orElseThrow().address(config);
        RequestOptions options = new RequestOptions().setHost(backend.getHost())
                .setPort(backend.getPort() > 0 ? backend.getPort() : 80)
                .setIdleTimeout(config.backendTimeout().toMillis());
        return client.request(options).compose(backendRequest -> {
            HttpServerResponse answer = context.request().proxiedRequest().response();
            if (answer.ended() || answer.closed()) {
                // Answered already (408) or its client went away while it waited for a connection: the connection
                // goes straight back to the pool instead of carrying a request nobody waits for.
                backendRequest.reset();
                return Future.failedFuture("The client is no longer waiting");
            }
            return Future.succeededFuture(backendRequest);
        });
    }

    /**
     * Whose allowance a request uses: the token's subject. A user of the mobile app has their own (the app's client
     * id is shared by all its users); an EHR's client-credentials tokens share their service account's.
     */
    private static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return "subject:" + token.getSubject();
        }
        return "subject:" + identity.getPrincipal().getName();
    }

    private static void unauthorized(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        fail(rc, 401, "unauthorized", "Unauthorized", "A valid bearer token is required");
    }

    private static void tooLarge(RoutingContext rc) {
        fail(rc, 413, "payload-too-large", "Content Too Large", "The request body is larger than allowed");
    }

    private static void fail(RoutingContext rc, int status, String slug, String title, String detail) {
        rc.request().resume();
        GatewayProblems.send(rc.response(), status, slug, title, detail, rc.request().path());
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Sends a body read by {@link #forwardMeasured} with its length; turns a backend that cannot be reached into 503,
     * and one that does not answer in time into 504.
     */
    private final class BackendFailures implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Body read = readBodies.remove(context.request().proxiedRequest());
            if (read != null) {
                context.request().setBody(read);
            }
            return context.sendRequest().recover(failure -> {
                boolean timeout = failure instanceof TimeoutException
                        || failure instanceof io.netty.handler.timeout.TimeoutException
                        || String.valueOf(failure.getMessage()).toLowerCase().contains("timeout");
                int status = timeout ? 504 : 503;
                String detail = timeout ? "The service did not answer in time" : "The service is unavailable";
                GatewayProblems.Answer answer = GatewayProblems.answer(status, timeout ? "gateway-timeout"
                        : "service-unavailable", timeout ? "Gateway Timeout" : "Service Unavailable", detail,
                        context.request().getURI().split("\\?")[0]);
                return Future.succeededFuture(context.request().release().response().setStatusCode(status)
                        .putHeader("Content-Type", answer.mediaType()).setBody(Body.body(answer.body())));
            });
        }
    }
}
