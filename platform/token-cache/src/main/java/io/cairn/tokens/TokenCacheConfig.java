package io.cairn.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Verified tokens remembered so that a client's next request skips the signature check; size 0 turns it off. */
@ConfigMapping(prefix = "cairn.token-cache")
public interface TokenCacheConfig {

    /** Tokens remembered at most; the least recently used make room. */
    @WithDefault("10000")
    long size();

    /** A token is checked again at least this often, even if it lives longer (a key the provider withdrew). */
    @WithDefault("60s")
    Duration maxAge();
}
