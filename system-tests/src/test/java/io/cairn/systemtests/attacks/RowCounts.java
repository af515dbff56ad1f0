package io.cairn.systemtests.attacks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The row count of every table of one service's database, in one round trip, to tell whether a rejected request
 * changed anything. The audit log is left out: a refusal is audited on purpose.
 */
final class RowCounts implements AutoCloseable {

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final String query;

    RowCounts(String database) throws SQLException {
        connection = DriverManager.getConnection("jdbc:postgresql://" + System.getProperty("cairn.postgres",
                "localhost:5432") + "/" + database, "cairn", "cairn");
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN "
                        + "('audit_event', 'flyway_schema_history') ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        query = "SELECT " + tables.stream().map(t -> "(SELECT count(*) FROM \"" + t + "\")")
                .collect(Collectors.joining(", "));
    }

    /** The counts, table by table, as one comparable list. */
    List<Long> now() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            for (int i = 1; i <= tables.size(); i++) {
                counts.add(row.getLong(i));
            }
        }
        return counts;
    }

    /** Which tables differ between two pictures. */
    List<String> changed(List<Long> before, List<Long> after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(tables.get(i) + " " + before.get(i) + "→" + after.get(i));
            }
        }
        return changed;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
