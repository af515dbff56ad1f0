package io.cairn.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;

/** A token bucket per client and route class (reads, writes), refilled every minute; idle buckets are forgotten. */
@ApplicationScoped
public class RateLimits {

    private final GatewayConfig.RateLimit limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    RateLimits(GatewayConfig config) {
        this.limits = config.rateLimit();
    }

    /** Takes one request from the client's allowance; when it is used up, the seconds until the next one. */
    public OptionalLong tryAcquire(String client, boolean write) {
        long perMinute = write ? limits.writesPerMinute() : limits.readsPerMinute();
        Bucket bucket = buckets.get(client + (write ? "|write" : "|read"), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
