package io.cairn.kit.audit;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.cairn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
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

    private static final String INSERT_ALL = """
            INSERT INTO audit_event (actor, actor_roles, client_id, action, resource_type, resource_id, patient_id,
                                     outcome, trace_id)
            SELECT ?, ?, ?, e.action, e.resource_type, e.resource_id, e.patient_id, e.outcome, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]::uuid[], ?::text[])
                AS e (action, resource_type, resource_id, patient_id, outcome)
            """;

    /** What every record of one request carries: who called, and the trace it belongs to. */
    private record Who(String actor, String roles, String clientId, String traceId) {
    }

    /** Writes records on a connection. */
    private interface Insert {
        void into(Connection connection, Who who) throws SQLException;
    }

    private final DataSource dataSource;
    private final Caller caller;

    AuditLog(DataSource dataSource, Caller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    public void record(AuditEntry entry) {
        write(entry.outcome() == AuditOutcome.SUCCESS, (connection, who) -> insert(connection, entry, who));
    }

    /** Records several accesses of one request, such as the rows of a list's window, in one statement. */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        write(entries.stream().allMatch(e -> e.outcome() == AuditOutcome.SUCCESS),
                (connection, who) -> insertAll(connection, entries, who));
    }

    private void write(boolean succeeded, Insert insert) {
        Who who = new Who(caller.name(), String.join(",", new TreeSet<>(caller.roles())), caller.clientId().orElse(null),
                Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null);
        if (succeeded && QuarkusTransaction.isActive()) {
            // Kept exactly when the access it records commits, on the request's own connection.
            execute(insert, who);
        } else {
            // A refusal is followed by a rollback: it must outlive the request's transaction.
            QuarkusTransaction.requiringNew().run(() -> execute(insert, who));
        }
    }

    private void execute(Insert insert, Who who) {
        try (Connection connection = dataSource.getConnection()) {
            insert.into(connection, who);
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log unavailable", e);
        }
    }

    private static void insert(Connection connection, AuditEntry entry, Who who) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, who.actor());
            insert.setString(2, who.roles());
            insert.setString(3, who.clientId());
            insert.setString(4, entry.action());
            insert.setString(5, entry.resourceType());
            insert.setString(6, entry.resourceId());
            insert.setObject(7, entry.patientId());
            insert.setString(8, entry.outcome().name());
            insert.setString(9, who.traceId());
            insert.executeUpdate();
        }
    }

    private static void insertAll(Connection connection, List<AuditEntry> entries, Who who) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setString(1, who.actor());
            insert.setString(2, who.roles());
            insert.setString(3, who.clientId());
            insert.setString(4, who.traceId());
            insert.setArray(5, texts(connection, entries, AuditEntry::action));
            insert.setArray(6, texts(connection, entries, AuditEntry::resourceType));
            insert.setArray(7, texts(connection, entries, AuditEntry::resourceId));
            insert.setArray(8, texts(connection, entries, AuditEntry::patientId));
            insert.setArray(9, texts(connection, entries, AuditEntry::outcome));
            insert.executeUpdate();
        }
    }

    /** One field of every entry, as a text array (a missing value stays null). */
    private static Array texts(Connection connection, List<AuditEntry> entries, Function<AuditEntry, Object> field)
            throws SQLException {
        return connection.createArrayOf("text", entries.stream().map(field)
                .map(value -> value == null ? null : value.toString()).toArray());
    }
}
