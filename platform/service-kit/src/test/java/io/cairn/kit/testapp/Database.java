package io.cairn.kit.testapp;

import io.cairn.testkit.Rows;
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
        return Rows.count(entities, sql, parameters);
    }

    public Object single(String sql, Object... parameters) {
        return Rows.single(entities, sql, parameters);
    }

    public List<?> rows(String sql, Object... parameters) {
        return Rows.list(entities, sql, parameters);
    }
}
