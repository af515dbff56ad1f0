package io.cairn.kit.audit;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records who read or wrote which patient's data, when, and how it ended, in the service's own database. Written in
 * its own transaction so that refused and failed accesses are kept even when the request's transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_event (actor, actor_roles, client_id, action, resource_type, resource_id, patient_id,
                                     outcome, trace_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;
    private final SecurityIdentity identity;

    AuditLog(DataSource dataSource, SecurityIdentity identity) {
        this.dataSource = dataSource;
        this.identity = identity;
    }

    public void record(AuditEntry entry) {
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String roles = String.join(",", new TreeSet<>(identity.getRoles()));
        String clientId = identity.getPrincipal() instanceof JsonWebToken token ? clientId(token) : null;
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
        QuarkusTransaction.requiringNew().run(() -> insert(entry, actor, roles, clientId, traceId));
    }

    private void insert(AuditEntry entry, String actor, String roles, String clientId, String traceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, actor);
            insert.setString(2, roles);
            insert.setString(3, clientId);
            insert.setString(4, entry.action());
            insert.setString(5, entry.resourceType());
            insert.setString(6, entry.resourceId());
            insert.setObject(7, entry.patientId());
            insert.setString(8, entry.outcome().name());
            insert.setString(9, traceId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log unavailable", e);
        }
    }

    /** The OAuth client behind the token: {@code azp} from Keycloak, {@code client_id} from others. */
    private static String clientId(JsonWebToken token) {
        String azp = token.getClaim("azp");
        return azp != null ? azp : token.getClaim("client_id");
    }
}
