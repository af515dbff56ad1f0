package io.cairn.kit.testapp;

import io.cairn.testkit.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the test database the way an assertion needs it. */
@ApplicationScoped
public class Database {

    private final EntityManager entities;

    Database(EntityManager entities) {
        this.entities = entities;
    }

    public long count(String sql, Object... parameters) {
        return Rows.count(entities, sql, parameters);
    }

    public Object single(String sql, Object... parameters) {
        return Rows.single(entities, sql, parameters);
    }

    public List<?> rows(String sql, Object... parameters) {
        return Rows.list(entities, sql, parameters);
    }

    /** Writes rows a test needs as they would be, such as audit records of another day. */
    @Transactional
    public int update(String sql, Object... parameters) {
        var query = entities.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
