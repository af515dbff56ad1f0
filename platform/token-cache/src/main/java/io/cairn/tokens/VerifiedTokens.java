package io.cairn.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens quarkus-oidc has verified (signature, issuer, audience, expiry), remembered until they expire or for
 * {@code cairn.token-cache.max-age}, whichever comes first. A mobile app or an EHR sends the same token for minutes:
 * checking its RS256 signature and parsing its claims on every request cost more CPU than the rest of a simple read.
 * Only successes are kept, by the whole token, so a token that failed, or differs in one character, is checked
 * afresh.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity and the instant it stops being accepted from the cache. */
    private record Verified(SecurityIdentity identity, Instant until) {
    }

    private final TenantIdentityProvider verifier;
    private final boolean enabled;
    private final Cache<String, Verified> verified;
    private final Clock clock = Clock.systemUTC();
    private final Counter remembered;
    private final Counter checked;

    VerifiedTokens(@Tenant(OidcUtils.DEFAULT_TENANT_ID) TenantIdentityProvider verifier, TokenCacheConfig settings,
            MeterRegistry meters) {
        this.verifier = verifier;
        this.enabled = settings.size() > 0;
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(1, settings.size()))
                .expireAfterWrite(settings.maxAge()).build();
        this.remembered = meters.counter("cairn.bearer.tokens", "verification", "remembered");
        this.checked = meters.counter("cairn.bearer.tokens", "verification", "checked");
    }

    /** The token's identity; fails when quarkus-oidc refuses the token. */
    public Uni<SecurityIdentity> verify(String token) {
        Verified known = enabled ? verified.getIfPresent(token) : null;
        if (known != null) {
            if (clock.instant().isBefore(known.until())) {
                remembered.increment();
                return Uni.createFrom().item(known.identity());
            }
            verified.invalidate(token);
        }
        checked.increment();
        return verifier.authenticate(new AccessTokenCredential(token)).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (enabled && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            verified.put(token, new Verified(identity, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }
}
