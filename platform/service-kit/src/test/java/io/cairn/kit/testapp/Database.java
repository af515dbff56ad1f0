package io.cairn.kit.testapp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads the test database the way an assertion needs it. */
@ApplicationScoped
public class Database {

    private final EntityManager entities;

    Database(EntityManager entities) {
        this.entities = entities;
    }

    public long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    public Object single(String sql, Object... parameters) {
        List<?> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public List<?> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entities.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }
}
