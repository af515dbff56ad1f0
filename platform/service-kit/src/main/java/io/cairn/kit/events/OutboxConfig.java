package io.cairn.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the outbox relay publishes; every setting also reads from the environment, e.g. CAIRN_OUTBOX_BATCH_SIZE. */
@ConfigMapping(prefix = "cairn.outbox")
public interface OutboxConfig {

    /** Off only for a replica that must not publish (the relay is safe to run in every replica). */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for unsent events when no commit woke it up. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Events published per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long one batch may wait for the broker's acknowledgement before it is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Back-off after a failed batch starts here and doubles up to {@link #maxBackoff()}. */
    @WithDefault("250ms")
    Duration initialBackoff();

    @WithDefault("15s")
    Duration maxBackoff();

    /**
     * A topic the relay sends a {@link RelayCheckpoint} to, on each of its partitions, every
     * {@link #checkpointEvery()} while it keeps up: intake's, whose consent changes the other services must know are
     * current before they disclose anything to an EHR (io.cairn.kit.consent.ConsentProjection).
     */
    Optional<String> checkpointTopic();

    @WithDefault("5s")
    Duration checkpointEvery();

    /**
     * Whether each published payload is checked against its JSON Schema: on in tests and dev mode, where it finds a
     * producer's bug before it ships; off in production, where the check was more than a quarter of the CPU of
     * completing an assessment (profiled) and each consumer still checks what it reads and parks what fails.
     */
    @WithDefault("false")
    boolean checkSchemas();
}
