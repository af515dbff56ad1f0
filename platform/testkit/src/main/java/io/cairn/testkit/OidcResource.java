package io.cairn.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * A real OIDC issuer over HTTP (Quarkus' WireMock OIDC server: discovery document and JWKS), started once per test
 * JVM. Services verify {@link Tokens} against it exactly as they verify Keycloak's tokens: signature, issuer, audience,
 * expiry.
 */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    private static synchronized Map<String, String> startOnce() {
        if (config == null) {
            OidcWiremockTestResource server = new OidcWiremockTestResource();
            Map<String, String> started = new HashMap<>(server.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "oidc-test-issuer-stop"));
            started.put("quarkus.oidc.auth-server-url", started.get("keycloak.url") + "/realms/quarkus/");
            config = Map.copyOf(started);
        }
        return config;
    }

    @Override
    public Map<String, String> start() {
        return startOnce();
    }

    @Override
    public void stop() {
        // Shared by every Quarkus application of this JVM; stopped by the shutdown hook.
    }
}
