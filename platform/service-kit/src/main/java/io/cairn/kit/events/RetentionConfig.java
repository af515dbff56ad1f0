package io.cairn.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the delivery bookkeeping is kept; e.g. CAIRN_RETENTION_EVENTS_KEPT_FOR=45D. */
@ConfigMapping(prefix = "cairn.retention")
public interface RetentionConfig {

    /**
     * How long a sent outbox row and an inbox row are kept. Longer than the topics keep events (7 days), so an event
     * a consumer can still be handed again always finds its inbox row, and a replay applies nothing twice.
     */
    @WithDefault("30D")
    Duration eventsKeptFor();

    /** How often the purge runs, e.g. {@code 1h}; {@code off} stops it. */
    @WithDefault("1h")
    String purgeEvery();

    /** Rows deleted per transaction: short transactions that never hold up the relay or a consumer. */
    @WithDefault("500")
    int batchSize();
}
