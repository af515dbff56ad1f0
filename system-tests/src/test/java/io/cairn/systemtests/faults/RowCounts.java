package io.cairn.systemtests.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The row count of every table of one service's database, in one round trip, to tell whether a rejected request
 * changed anything. The audit log is left out: a refusal is audited on purpose.
 */
public final class RowCounts implements AutoCloseable {

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final String query;

    public RowCounts(String database) throws SQLException {
        connection = Databases.connect(database);
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
    public List<Long> now() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            for (int i = 1; i <= tables.size(); i++) {
                counts.add(row.getLong(i));
            }
        }
        return counts;
    }

    /** The counts by table name. */
    public Map<String, Long> byTable() throws SQLException {
        List<Long> counts = now();
        Map<String, Long> byTable = new TreeMap<>();
        for (int i = 0; i < tables.size(); i++) {
            byTable.put(tables.get(i), counts.get(i));
        }
        return byTable;
    }

    /** Which tables differ between two pictures. */
    public List<String> changed(List<Long> before, List<Long> after) {
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
