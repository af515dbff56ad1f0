package io.cairn.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky's embedded binaries from Maven Central, no Docker), started once per test JVM and
 * stopped when the JVM exits. Declare it with {@code @QuarkusTestResource(PostgresResource.class)}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static EmbeddedPostgres server;

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        return server;
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl(USER, DATABASE);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void stop() {
        // Shared by every Quarkus application of this JVM; zonky's shutdown hook stops it with the JVM.
    }
}
