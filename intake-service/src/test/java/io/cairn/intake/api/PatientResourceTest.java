package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.patientJson;
import static io.cairn.intake.api.Intake.registerPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientResourceTest {

    @Inject
    EntityManager entities;

    @Test
    void registersAPatientWithEveryDetail() {
        String mrn = "MRN-" + UUID.randomUUID();

        var created = as(COORDINATOR).body(patientJson("Reyes", mrn)).post("/patients").then().statusCode(201)
                .body("familyName", equalTo("Reyes"))
                .body("ageGroup", equalTo("adult"))
                .body("preferredSchedule", equalTo("evening"))
                .body("emergencyContact.relationship", equalTo("brother"))
                .body("identifiers[0].value", equalTo(mrn))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/patients/" + id), created.header("Location"));

        as(Tokens.forRole(Roles.CLINICIAN)).get("/patients/" + id).then().statusCode(200)
                .body("address.postalCode", equalTo("62701"));
        assertEquals(1L, count("select count(*) from audit_event where patient_id = ?1 and action = 'create'", id));
        assertEquals(1L, count("select count(*) from audit_event where patient_id = ?1 and action = 'read' "
                + "and actor_roles = 'clinician'", id));
    }

    @Test
    void updatesWithTheVersionReadAndRefusesAStaleOne() {
        UUID id = registerPatient();
        String changed = patientJson("Reyes-Garcia", "MRN-" + UUID.randomUUID()).replace("}]}", "}],\"version\":0}");

        as(COORDINATOR).body(changed).put("/patients/" + id).then().statusCode(200)
                .body("familyName", equalTo("Reyes-Garcia")).body("version", equalTo(1));
        as(COORDINATOR).body(changed).put("/patients/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(COORDINATOR).body(changed.replace(",\"version\":0", "")).put("/patients/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
    }

    @Test
    void anIdentifierBelongsToOnePatientPerSystem() {
        String mrn = "MRN-" + UUID.randomUUID();
        registerPatient("First", mrn);

        as(COORDINATOR).body(patientJson("Second", mrn)).post("/patients").then().statusCode(409)
                .body("detail", equalTo("Identifier " + mrn + " of urn:ehr:northside:mrn already belongs to another "
                        + "patient"));
    }

    @Test
    void findsPatientsByNameBirthDateAndIdentifier() {
        String family = "Okonkwo" + UUID.randomUUID().toString().substring(0, 6);
        String mrn = "MRN-" + UUID.randomUUID();
        UUID first = registerPatient(family, mrn);
        registerPatient(family, "MRN-" + UUID.randomUUID());

        as(COORDINATOR).queryParam("name", family.toLowerCase()).get("/patients").then().statusCode(200)
                .header("X-Total-Count", "2").body("", hasSize(2)).header("Link", nullValue());
        String next = as(COORDINATOR).queryParam("name", family).queryParam("size", 1).get("/patients").then()
                .header("X-Total-Count", "2").body("", hasSize(1)).extract().header("Link");
        assertTrue(next.contains("page=1") && next.contains("size=1") && next.endsWith("rel=\"next\""), next);
        as(COORDINATOR).queryParam("name", family).queryParam("size", 1).queryParam("page", 1).get("/patients")
                .then().header("X-Total-Count", "2").body("", hasSize(1)).header("Link", nullValue());
        as(COORDINATOR).queryParam("name", family).queryParam("birthDate", "1988-04-12").get("/patients").then()
                .header("X-Total-Count", "2");
        as(COORDINATOR).queryParam("name", family).queryParam("birthDate", "1990-01-01").get("/patients").then()
                .header("X-Total-Count", "0").body("", hasSize(0));
        as(COORDINATOR).queryParam("identifierSystem", "urn:ehr:northside:mrn").queryParam("identifierValue", mrn)
                .get("/patients").then().body("id", contains(first.toString()));
    }

    @Test
    void anUnknownPatientIs404() {
        as(COORDINATOR).get("/patients/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private long count(String sql, String patientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql)
                .setParameter(1, UUID.fromString(patientId)).getSingleResult()).longValue());
    }
}
