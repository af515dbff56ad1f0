package io.cairn.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What every Cairn service must show once it has booted against real PostgreSQL, Kafka and OIDC. A service's test
 * extends it and adds {@code @QuarkusTest} and {@code @QuarkusTestResource(CairnInfrastructure.class)}.
 */
public abstract class ServiceBootContract {

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Ready on its database alone: with the broker away it goes on answering, its outbox holding what it publishes. */
    @Test
    void isReadyWithItsDatabaseNotTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
    }

    @Test
    void migratedItsSchemaWithFlyway() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresResource.jdbcUrl(), PostgresResource.USER,
                PostgresResource.USER); Statement statement = connection.createStatement()) {
            assertEquals(0, count(statement, "select count(*) from flyway_schema_history where not success"));
            assertTrue(count(statement, "select count(*) from flyway_schema_history where success") >= 1);
            for (String table : new String[] { "outbox_event", "inbox_event", "audit_event" }) {
                assertEquals(1, count(statement, "select count(*) from pg_tables where tablename = '" + table + "'"),
                        table);
            }
        }
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
