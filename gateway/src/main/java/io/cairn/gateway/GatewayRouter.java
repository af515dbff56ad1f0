package io.cairn.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
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
    private final TenantIdentityProvider tokens;
    private HttpClient client;

    GatewayRouter(GatewayConfig config, RateLimits rateLimits, AccessLog accessLog, MeterRegistry meters,
            @Tenant(OidcUtils.DEFAULT_TENANT_ID) TenantIdentityProvider tokens) {
        this.config = config;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.accessLog = accessLog;
        this.meters = meters;
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(config.backendTimeout().toMillis(), 5_000)));
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(this::originRequest)
                .addInterceptor(new BackendFailures());
        router.route(RouteTable.API_PREFIX + "*").order(-10).handler(rc -> handle(rc, proxy));
        router.route("/api/v1").order(-10).handler(rc -> handle(rc, proxy));
        // FHIR views are routed by resource type once the services serve them; until then: authenticated 404.
        router.route("/fhir/*").order(-10).handler(rc -> handle(rc, proxy));
    }

    private void handle(RoutingContext rc, HttpProxy proxy) {
        HttpServerRequest request = rc.request();
        request.pause();
        String requestId = Optional.ofNullable(request.getHeader(REQUEST_ID)).filter(id -> !id.isBlank()
                && id.length() <= 200).orElseGet(() -> UUID.randomUUID().toString());
        request.headers().set(REQUEST_ID, requestId);
        // Services write links (Location) to the address the client used, not to themselves; an ingress in front
        // of the gateway may have set these already.
        if (request.getHeader("X-Forwarded-Host") == null && request.authority() != null) {
            request.headers().set("X-Forwarded-Host", request.authority().toString());
        }
        if (request.getHeader("X-Forwarded-Proto") == null) {
            request.headers().set("X-Forwarded-Proto", request.scheme());
        }
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
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.length() <= 7) {
            unauthorized(rc);
            return;
        }
        tokens.authenticate(new AccessTokenCredential(authorization.substring(7).strip())).subscribe().with(identity -> {
            String client = clientOf(identity);
            rc.put("cairn.subject", identity.getPrincipal().getName());
            forward(rc, proxy, client);
        }, failure -> unauthorized(rc));
    }

    private void forward(RoutingContext rc, HttpProxy proxy, String client) {
        HttpServerRequest request = rc.request();
        Optional<Backend> backend = RouteTable.ownerOf(request.path());
        if (backend.isEmpty()) {
            fail(rc, 404, "not-found", "Not Found", "There is nothing at this path");
            return;
        }
        String length = request.getHeader("Content-Length");
        // With neither header a request has no body (RFC 9112, 6.3): an action such as POST .../complete.
        boolean streamedBody = length == null && request.getHeader("Transfer-Encoding") != null;
        if (streamedBody) {
            // A body without a declared length could exceed the limit unseen: ask for the length instead.
            fail(rc, 411, "length-required", "Length Required", "Send the body with a Content-Length");
            return;
        }
        if (length != null && parse(length) > config.maxBodyBytes()) {
            fail(rc, 413, "payload-too-large", "Content Too Large", "The request body is larger than allowed");
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
        request.resume();
        proxy.handle(request);
    }

    private Future<io.vertx.core.http.HttpClientRequest> originRequest(ProxyContext context) {
        String uri = context.request().getURI();
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        URI backend = RouteTable.ownerOf(path).orElseThrow().address(config);
        RequestOptions options = new RequestOptions().setHost(backend.getHost())
                .setPort(backend.getPort() > 0 ? backend.getPort() : 80)
                .setIdleTimeout(config.backendTimeout().toMillis());
        return client.request(options);
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

    /** Turns a backend that cannot be reached into 503, and one that does not answer in time into 504. */
    private static final class BackendFailures implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                boolean timeout = failure instanceof TimeoutException
                        || failure instanceof io.netty.handler.timeout.TimeoutException
                        || String.valueOf(failure.getMessage()).toLowerCase().contains("timeout");
                int status = timeout ? 504 : 503;
                String detail = timeout ? "The service did not answer in time" : "The service is unavailable";
                return Future.succeededFuture(context.request().release().response().setStatusCode(status)
                        .putHeader("Content-Type", GatewayProblems.MEDIA_TYPE)
                        .setBody(Body.body(GatewayProblems.body(status, timeout ? "gateway-timeout"
                                : "service-unavailable", timeout ? "Gateway Timeout" : "Service Unavailable", detail,
                                context.request().getURI().split("\\?")[0]))));
            });
        }
    }
}
