package io.cairn.kit.audit;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.cairn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records who read or wrote which patient's data, when, and how it ended, in the service's own database. A successful
 * access is recorded in the request's transaction; a refused or failed one in a transaction of its own, so that it is
 * kept although the request's transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_event (actor, actor_roles, client_id, action, resource_type, resource_id, patient_id,
                                     outcome, trace_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String DISCLOSURES = """
            SELECT occurred_at, client_id, resource_type, resource_id FROM audit_event
            WHERE patient_id = ? AND action = 'disclose' AND outcome = 'SUCCESS' ORDER BY occurred_at, id
            """;

    private final DataSource dataSource;
    private final Caller caller;

    AuditLog(DataSource dataSource, Caller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    public void record(AuditEntry entry) {
        String actor = caller.name();
        String roles = String.join(",", new TreeSet<>(caller.roles()));
        String clientId = caller.clientId().orElse(null);
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
        if (entry.outcome() == AuditOutcome.SUCCESS && QuarkusTransaction.isActive()) {
            // Kept exactly when the access it records commits, on the request's own connection.
            insert(entry, actor, roles, clientId, traceId);
        } else {
            // A refusal is followed by a rollback: it must outlive the request's transaction.
            QuarkusTransaction.requiringNew().run(() -> insert(entry, actor, roles, clientId, traceId));
        }
    }

    /** Every record of the patient disclosed to an outside recipient, oldest first. */
    public List<Disclosure> disclosures(UUID patientId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(DISCLOSURES)) {
            select.setObject(1, patientId);
            List<Disclosure> disclosures = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    disclosures.add(new Disclosure(rows.getTimestamp(1).toInstant(), rows.getString(2),
                            rows.getString(3), rows.getString(4)));
                }
            }
            return disclosures;
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log unavailable", e);
        }
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
}
