package io.cairn.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only while it can reach its OIDC provider: without it no token can be verified. */
@Readiness
@ApplicationScoped
public class OidcProviderReadiness implements HealthCheck {

    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    OidcProviderReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/$", "") + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return HealthCheckResponse.named("OIDC provider").status(status == 200).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("OIDC provider").down().build();
        }
    }
}
