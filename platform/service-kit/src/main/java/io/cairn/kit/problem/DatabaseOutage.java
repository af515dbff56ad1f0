package io.cairn.kit.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that only says the database cannot serve the request just now (server down, restarting,
 * connections cut, pool exhausted), or ended it to resolve a conflict with another transaction (a deadlock, a
 * serialization failure): the request can be retried, so it is a 503, not a bug.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /** Causes and suppressed exceptions both: a failed commit carries the driver's error as a suppressed one. */
    private static boolean causedBy(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof org.hibernate.exception.JDBCConnectionException
                || failure instanceof org.hibernate.exception.LockAcquisitionException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLException sql && isOutage(sql)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causedBy(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && causedBy(failure.getCause(), depth + 1);
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            // 08: connection exception; 57P01-57P03: server shutting down or starting; 53300: too many connections;
            // 40001 and 40P01: the transaction lost a serialization conflict or a deadlock.
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                    || state.equals("40001") || state.equals("40P01");
        }
        // Agroal's pool, when no connection could be had in time, says so without an SQL state.
        String message = sql.getMessage();
        return message != null && message.contains("acquisition timeout");
    }
}
