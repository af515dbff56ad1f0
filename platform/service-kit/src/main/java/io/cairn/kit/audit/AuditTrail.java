package io.cairn.kit.audit;

import io.cairn.kit.problem.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads this service's audit log for a program director: a search windowed in SQL, newest first, or one record.
 * Reading the log is itself audited, once per search (naming the patient when the search is about one) rather than
 * once per record read, which would grow the log by every read of it.
 */
@ApplicationScoped
public class AuditTrail {

    /** How reads of the audit log are named in it. */
    public static final String RESOURCE_TYPE = "audit-event";
    /** The parameter that names where the previous page ended. */
    public static final String CURSOR = "cursor";

    private static final String COLUMNS = """
            SELECT id, occurred_at, actor, actor_roles, client_id, action, resource_type, resource_id, patient_id,
                   outcome, trace_id
            FROM audit_event
            """;

    private final DataSource dataSource;
    private final AuditLog audit;
    private final String service;

    AuditTrail(DataSource dataSource, AuditLog audit,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.service = serviceOf(application);
    }

    /** A service's name from its application's: intake from intake-service. */
    static String serviceOf(String application) {
        return application.replaceFirst("-service$", "");
    }

    /** The service whose log this is, as events and the accounting name it: intake, treatment-plan, ... */
    public String service() {
        return service;
    }

    /** The records the search matches, newest first; the search is recorded in the same transaction. */
    @Transactional
    public List<AuditRecord> search(AuditSearch search) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE true");
        where(sql, values, "patient_id = ?", search.patientId());
        where(sql, values, "actor = ?", search.user());
        where(sql, values, "client_id = ?", search.clientId());
        if (search.agent() != null) {
            sql.append(" AND (actor = ? OR client_id = ?)");
            values.add(search.agent());
            values.add(search.agent());
        }
        where(sql, values, "action = ?", search.action());
        where(sql, values, "resource_type = ?", search.resourceType());
        where(sql, values, "occurred_at >= ?", search.from() == null ? null : Timestamp.from(search.from()));
        where(sql, values, "occurred_at < ?", search.to() == null ? null : Timestamp.from(search.to()));
        where(sql, values, "id < ?", search.before());
        sql.append(" ORDER BY id DESC LIMIT ?");
        values.add(search.size());
        List<AuditRecord> found = query(sql.toString(), values);
        audit.record(new AuditEntry("search", RESOURCE_TYPE, null, search.patientId(), AuditOutcome.SUCCESS));
        return found;
    }

    /** One record, recorded as read. */
    @Transactional
    public Optional<AuditRecord> get(long id) {
        Optional<AuditRecord> found = query(COLUMNS + "WHERE id = ?", List.of(id)).stream().findFirst();
        found.ifPresent(record -> audit.record(new AuditEntry("read", RESOURCE_TYPE, String.valueOf(id),
                record.patientId(), AuditOutcome.SUCCESS)));
        return found;
    }

    /**
     * The record a page of this service's log continues after: its cursor is the number of the last record it
     * answered, and the next page is older.
     *
     * @throws InvalidParameterException for anything this service did not give
     */
    public static long before(String cursor) {
        return number(cursor).orElseThrow(() -> new InvalidParameterException(CURSOR,
                "is not one this list gave; start again without it"));
    }

    /** The number of one of this log's records, as text names it ({@code 42}); empty for any other text. */
    public static Optional<Long> number(String text) {
        return text.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static void where(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    private List<AuditRecord> query(String sql, List<Object> values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(record(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log unavailable", e);
        }
    }

    private static AuditRecord record(ResultSet row) throws SQLException {
        String roles = row.getString("actor_roles");
        return new AuditRecord(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                row.getString("client_id"), row.getString("action"), row.getString("resource_type"),
                row.getString("resource_id"), row.getObject("patient_id", UUID.class),
                AuditOutcome.valueOf(row.getString("outcome")), row.getString("trace_id"));
    }
}
