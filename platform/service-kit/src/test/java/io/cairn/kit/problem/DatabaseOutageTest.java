package io.cairn.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A request the database could not serve just now, or ended to resolve a deadlock with another transaction (such as a
 * consumer applying a poll), is a 503 to retry; a request that broke a rule is not.
 */
class DatabaseOutageTest {

    @Test
    void aDeadlockOrSerializationFailureIsRetriedNotABug() {
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("could not serialize access", "40001")));
        assertTrue(DatabaseOutage.causedBy(new org.hibernate.exception.LockAcquisitionException("lock",
                new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is shutting down", "57P01")));
    }

    @Test
    void aBrokenRuleIsNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("division by zero", "22012")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("no cause")));
    }
}
