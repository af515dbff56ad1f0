package io.cairn.kit.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.kit.testapp.Database;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Inject
    Database database;

    @Test
    void aDisclosureRecordsWhoWhatWhichPatientAndTheOutcome() {
        UUID patient = UUID.randomUUID();

        given().auth().oauth2(Tokens.forEhrClient("ehr-northside")).when()
                .get("/test/patients/" + patient + "/disclosures").then().statusCode(200);

        List<?> rows = database.rows("""
                select actor, actor_roles, client_id, action, resource_type, resource_id, outcome, occurred_at is not null
                from audit_event where patient_id = ?1""", patient);
        assertEquals(1, rows.size());
        assertEquals(List.of("service-account-ehr-northside", "ehr-integration", "ehr-northside", "disclose", "patient",
                patient.toString(), "SUCCESS", true), List.of((Object[]) rows.get(0)));
    }
}
