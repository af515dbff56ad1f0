package io.cairn.kit.security;

import io.cairn.contracts.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, in the terms of ARCHITECTURE.md's roles. */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean hasRole(String role) {
        return inRequest() && identity.hasRole(role);
    }

    /** A patient's own id from the {@code patient_id} claim; empty for everyone else. */
    public Optional<UUID> ownPatientId() {
        if (!identity.hasRole(Roles.PATIENT)) {
            return Optional.empty();
        }
        Object claim = token().map(t -> t.getClaim(Roles.PATIENT_ID_CLAIM)).orElse(null);
        try {
            return claim == null ? Optional.empty() : Optional.of(UUID.fromString(claim.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The OAuth client behind the token: {@code azp} from Keycloak, {@code client_id} from others. */
    public Optional<String> clientId() {
        return token().map(t -> {
            Object azp = t.getClaim("azp");
            return azp != null ? azp.toString()
                    : t.getClaim("client_id") == null ? null
                            : t.getClaim("client_id")
                                    .toString();
        });
    }

    /** The token's principal; {@code system} for work no request asked for (consumers, the relay). */
    public String name() {
        if (!inRequest()) {
            return SYSTEM;
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return inRequest() ? identity.getRoles() : Set.of();
    }

    /** Staff roles see any patient their role covers; only patients and EHR clients are limited to some patients. */
    public boolean isStaff() {
        return Roles.ALL.stream().filter(r -> !r.equals(Roles.PATIENT) && !r.equals(Roles.EHR_INTEGRATION))
                .anyMatch(this::hasRole);
    }

    /** An EHR client, not staff: what it reads of a patient is a disclosure, and needs a Part 2 consent. */
    public boolean isEhrClient() {
        return !isStaff() && hasRole(Roles.EHR_INTEGRATION);
    }

    private Optional<JsonWebToken> token() {
        return inRequest() && identity.getPrincipal() instanceof JsonWebToken token ? Optional.of(token)
                : Optional.empty();
    }

    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
