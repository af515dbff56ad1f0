package io.cairn.worklist.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.EventType;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the worklist's tests share: callers, events as the other services publish them, and waiting for tasks. */
public final class Worklists {

    public static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);
    public static final String CASE_MANAGER = Tokens.forRole(Roles.CASE_MANAGER);
    public static final String DIRECTOR = Tokens.forRole(Roles.PROGRAM_DIRECTOR);

    private Worklists() {
    }

    public static RequestSpecification as(String token) {
        return given().basePath("/api/v1").auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static ProducerRecord<String, String> checkInAlert(UUID patient) {
        return EventRecords.of(EventType.AFTERCARE_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(), patient,
                SafetyFinding.SELF_HARM_THOUGHTS, SafetyAlertSource.CHECK_IN, UUID.randomUUID(), Instant.now()));
    }

    /** The patient's tasks of a kind, as the worklist lists them to the director, who sees every role's. */
    public static List<Map<String, Object>> tasks(UUID patient, String query) {
        return as(DIRECTOR).get("/tasks?patientId=" + patient + (query.isEmpty() ? "" : "&" + query)).then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    /** Waits until the patient has {@code count} tasks matching the query, and answers them. */
    public static List<Map<String, Object>> awaitTasks(UUID patient, String query, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks(patient, query).size() == count);
        return tasks(patient, query);
    }

    public static JsonPath task(String id) {
        return as(CLINICIAN).get("/tasks/" + id).then().statusCode(200).extract().jsonPath();
    }
}
