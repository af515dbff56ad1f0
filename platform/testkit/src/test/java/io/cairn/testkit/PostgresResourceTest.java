package io.cairn.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresResourceTest {

    @Test
    void startsOneRealPostgresServerPerJvm() throws Exception {
        Map<String, String> config = new PostgresResource().start();

        assertEquals(config, new PostgresResource().start(), "a second declaration reuses the running server");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists probe (id int primary key)");
            statement.execute("insert into probe values (1) on conflict do nothing");
            ResultSet version = statement.executeQuery("select current_setting('server_version_num')::int");
            version.next();
            assertTrue(version.getInt(1) >= 160000, "PostgreSQL 16 or later");
        }
    }
}
