package io.cairn.testkit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads a service's database the way an assertion needs it: native SQL, positional parameters, its own transaction. */
public final class Rows {

    private Rows() {
    }

    public static long count(EntityManager entities, String sql, Object... parameters) {
        return ((Number) single(entities, sql, parameters)).longValue();
    }

    public static Object single(EntityManager entities, String sql, Object... parameters) {
        List<?> rows = list(entities, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static List<?> list(EntityManager entities, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entities.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }
}
