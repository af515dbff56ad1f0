package io.cairn.systemtests.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the services' databases directly, to count what really happened behind the API. */
public final class Databases {

    public static final List<String> ALL = List.of("intake", "treatment_plan", "scheduling", "aftercare", "worklist");
    static final String HOST = System.getProperty("cairn.postgres", "localhost:5432");

    private Databases() {
    }

    /** The first column of the first row of a query, as a number. */
    public static long count(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + database + " failed: " + sql, e);
        }
    }

    /**
     * The number of rows in every table of every service (the audit log aside), as "database.table": the platform's
     * state in numbers.
     */
    public static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : ALL) {
            try (RowCounts tables = new RowCounts(database)) {
                tables.byTable().forEach((table, rows) -> counts.put(database + "." + table, rows));
            } catch (SQLException e) {
                throw new IllegalStateException("Counting rows of " + database + " failed", e);
            }
        }
        return counts;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database, "cairn", "cairn");
    }
}
