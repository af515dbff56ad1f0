package io.cairn.tokens;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts {@link VerifiedTokens} in front of quarkus-oidc's own provider for the bearer tokens Quarkus authenticates (every
 * service endpoint): tried first, it answers a remembered token itself and has any other access token verified by
 * quarkus-oidc. Other credentials (none in Cairn today) fall through to quarkus-oidc's provider unchanged.
 */
@ApplicationScoped
public class RememberedBearerTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above quarkus-oidc's provider (the default, 1001): the manager asks the highest first. */
    static final int BEFORE_OIDC = 2000;

    private final VerifiedTokens tokens;

    RememberedBearerTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_OIDC;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken() instanceof AccessTokenCredential bearer) {
            return tokens.verify(bearer.getToken());
        }
        return Uni.createFrom().nullItem();
    }
}
