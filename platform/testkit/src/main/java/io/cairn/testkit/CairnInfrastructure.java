package io.cairn.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a Cairn service runs against, for real: PostgreSQL, a Kafka broker and an OIDC issuer, each started once
 * per test JVM. One line in a service's tests: {@code @QuarkusTestResource(CairnInfrastructure.class)}.
 */
public class CairnInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(new PostgresResource().start());
        config.putAll(new KafkaResource().start());
        config.putAll(new OidcResource().start());
        return config;
    }

    @Override
    public void stop() {
        // Each part is shared by the whole JVM and stops with it.
    }
}
