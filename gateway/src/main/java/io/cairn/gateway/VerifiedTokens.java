package io.cairn.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Bearer tokens the gateway has verified (signature, issuer, audience, expiry, by quarkus-oidc), remembered until they
 * expire or for {@code gateway.token-cache.max-age}, whichever comes first. A mobile app or an EHR sends the same
 * token for minutes: verifying its RS256 signature on every request would cost more CPU than proxying it. Only
 * successes are kept, so a token that failed is checked afresh each time; the services still verify every token
 * themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity and the instant it stops being accepted from the cache. */
    private record Verified(SecurityIdentity identity, Instant until) {
    }

    private final TenantIdentityProvider verifier;
    private final GatewayConfig.TokenCache settings;
    private final Cache<String, Verified> verified;
    private final Clock clock = Clock.systemUTC();

    VerifiedTokens(@Tenant(OidcUtils.DEFAULT_TENANT_ID) TenantIdentityProvider verifier, GatewayConfig config) {
        this.verifier = verifier;
        this.settings = config.tokenCache();
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(1, settings.size()))
                .expireAfterWrite(settings.maxAge()).build();
    }

    /** The token's identity; fails when quarkus-oidc refuses the token. */
    public Uni<SecurityIdentity> verify(String token) {
        Verified known = settings.size() > 0 ? verified.getIfPresent(token) : null;
        if (known != null) {
            if (clock.instant().isBefore(known.until())) {
                return Uni.createFrom().item(known.identity());
            }
            verified.invalidate(token);
        }
        return verifier.authenticate(new AccessTokenCredential(token)).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (settings.size() > 0 && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            verified.put(token, new Verified(identity, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }
}
