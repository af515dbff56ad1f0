package io.cairn.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the services are and how the gateway protects them; every key also reads from the environment. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Backends backends();

    /** How long a backend may take to answer before the client gets 504. */
    @WithDefault("15s")
    Duration backendTimeout();

    /** Larger request bodies are refused with 413 before anything reaches a backend. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** A request body must have arrived in full this long after the request began; a slower one gets 408. */
    @WithDefault("10s")
    Duration bodyTimeout();

    RateLimit rateLimit();

    /** Connections the gateway keeps open to each service; requests beyond them wait in line for one. */
    @WithDefault("64")
    int backendConnections();

    /** Requests that may wait for a connection to one service; beyond that the service is too busy: 503. */
    @WithDefault("2000")
    int backendQueue();

    interface Backends {
        URI intake();

        URI treatmentPlan();

        URI scheduling();

        URI aftercare();

        URI worklist();
    }

    /** Requests per client (the token's client id, else its subject) per minute, by route class. */
    interface RateLimit {

        @WithDefault("600")
        long readsPerMinute();

        @WithDefault("120")
        long writesPerMinute();
    }
}
