package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.CLINICIAN;
import static io.cairn.billing.api.Billing.COORDINATOR;
import static io.cairn.billing.api.Billing.DIRECTOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payers and coverage as the clinic enters them: bad input is refused with a problem and changes nothing. */
@QuarkusTest
class CoverageTest {

    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Inject
    EntityManager entities;

    static Map<String, Object> payer(String claimForm, String revenueCode) {
        Map<String, Object> payer = new HashMap<>(Map.of("name", "Harbor Health", "payerCode", uniqueCode(),
                "claimForm", claimForm, "procedureCode", "H0015", "placeOfService", "11", "dayRate", 200.00,
                "minimumMinutes", 180));
        if (revenueCode != null) {
            payer.put("revenueCode", revenueCode);
        }
        return payer;
    }

    @Test
    void aPayerIsAddedByTheDirectorWithTheCodesItsClaimFormNeeds() {
        String id = as(DIRECTOR).body(payer("institutional", "0906")).post("/payers").then().statusCode(201)
                .header("Location", containsString("/api/v1/payers/")).body("revenueCode", is("0906"))
                .extract().path("id");
        as(COORDINATOR).get("/payers/" + id).then().statusCode(200).body("claimForm", is("institutional"));
        long payers = Rows.count(entities, "SELECT count(*) FROM payer");

        as(DIRECTOR).body(payer("institutional", null)).post("/payers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("revenueCode"));
        as(DIRECTOR).body(payer("professional", "0905")).post("/payers").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> badCode = payer("professional", null);
        badCode.put("procedureCode", "s9480; drop");
        as(DIRECTOR).body(badCode).post("/payers").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> longCode = payer("professional", null);
        longCode.put("payerCode", "A123456789012345");
        as(DIRECTOR).body(longCode).post("/payers").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> noRate = payer("professional", null);
        noRate.put("dayRate", 0);
        as(DIRECTOR).body(noRate).post("/payers").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> taken = payer("professional", null);
        taken.put("payerCode", as(COORDINATOR).get("/payers/" + id).then().extract().path("payerCode"));
        as(DIRECTOR).body(taken).post("/payers").then().statusCode(409).contentType("application/problem+json");
        as(COORDINATOR).body(payer("professional", null)).post("/payers").then().statusCode(403);
        as(CLINICIAN).get("/payers").then().statusCode(403);
        assertEquals(payers, Rows.count(entities, "SELECT count(*) FROM payer"));
    }

    @Test
    void aPatientHasOnePrimaryCoverageInForceOnAnyDay() {
        UUID patient = UUID.randomUUID();
        String payer = institutionalPayer();
        String first = coverage(patient, payer, "primary", NOV, LocalDate.of(2026, 11, 30));
        coverage(patient, payer, "secondary", NOV, null);

        Map<String, Object> overlapping = Map.of("patientId", patient, "payerId", payer, "rank", "primary",
                "memberId", "M2", "subscriber", Billing.SUBSCRIBER, "startsOn", "2026-11-15");
        as(COORDINATOR).body(overlapping).post("/coverages").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(first));
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", UUID.randomUUID(), "rank", "primary",
                "memberId", "M2", "subscriber", Billing.SUBSCRIBER, "startsOn", "2026-12-01")).post("/coverages").then()
                .statusCode(400)
                .body("violations[0].field", is("payerId"));
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "primary", "memberId", "M2",
                "subscriber", Billing.SUBSCRIBER, "startsOn", "2026-12-10", "endsOn", "2026-12-01")).post("/coverages").then()
                .statusCode(400);
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "tertiary", "memberId", "M2",
                "subscriber", Billing.SUBSCRIBER, "startsOn", "2026-12-01")).post("/coverages").then().statusCode(400);
        // A claim names the subscriber: a coverage without them, or with a malformed ZIP code, is refused.
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "primary", "memberId", "M2",
                "startsOn", "2026-12-01")).post("/coverages").then().statusCode(400)
                .body("violations[0].field", is("subscriber"));
        // What goes into an X12 file may not hold its separators.
        Map<String, Object> starred = new HashMap<>(Billing.SUBSCRIBER);
        starred.put("familyName", "Rivera*IL*1");
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "primary", "memberId", "M2",
                "subscriber", starred, "startsOn", "2026-12-01")).post("/coverages").then().statusCode(400)
                .body("violations[0].field", is("subscriber.familyName"));
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "primary", "memberId", "M2~NM1",
                "subscriber", Billing.SUBSCRIBER, "startsOn", "2026-12-01")).post("/coverages").then()
                .statusCode(400);
        Map<String, Object> badZip = new HashMap<>(Billing.SUBSCRIBER);
        badZip.put("postalCode", "6270");
        as(COORDINATOR).body(Map.of("patientId", patient, "payerId", payer, "rank", "primary", "memberId", "M2",
                "subscriber", badZip, "startsOn", "2026-12-01")).post("/coverages").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(2L, Rows.count(entities, "SELECT count(*) FROM coverage WHERE patient_id = ?1", patient));

        // From December the primary may be another.
        coverage(patient, payer, "primary", LocalDate.of(2026, 12, 1), null);
        as(COORDINATOR).get("/coverages?patientId=" + patient).then().statusCode(200).body("size()", is(3))
                .body("[0].rank", is("primary")).body("[0].startsOn", is("2026-12-01"))
                .body("[2].rank", is("secondary"));

        // An end may come earlier, not later, and never before the start.
        as(COORDINATOR).body(Map.of("endsOn", "2026-10-01")).post("/coverages/" + first + "/end").then()
                .statusCode(400);
        as(COORDINATOR).body(Map.of("endsOn", "2026-12-15")).post("/coverages/" + first + "/end").then()
                .statusCode(400);
        as(COORDINATOR).body(Map.of("endsOn", "2026-11-20")).post("/coverages/" + first + "/end").then()
                .statusCode(200).body("endsOn", is("2026-11-20"));
        as(COORDINATOR).body(Map.of("endsOn", "2026-11-20")).post("/coverages/" + UUID.randomUUID() + "/end").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPatientReadsTheirOwnCoverageOnlyAndEveryReadIsAudited() {
        UUID patient = UUID.randomUUID();
        String id = coverage(patient, institutionalPayer(), "primary", NOV, null);
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE resource_type = 'Coverage' "
                + "AND resource_id = ?1 AND action = 'create' AND patient_id = ?2", id, patient));

        as(Tokens.forPatient(patient)).get("/coverages/" + id).then().statusCode(200).body("memberId",
                is("XJH448812"));
        as(Tokens.forPatient(patient)).get("/coverages?patientId=" + patient).then().statusCode(200)
                .body("size()", is(1));
        as(Tokens.forPatient(UUID.randomUUID())).get("/coverages/" + id).then().statusCode(404);
        as(Tokens.forPatient(UUID.randomUUID())).get("/coverages?patientId=" + patient).then().statusCode(404);
        as(CLINICIAN).get("/coverages?patientId=" + patient).then().statusCode(403);
        as(Tokens.forEhrClient("ehr-demo")).get("/coverages/" + id).then().statusCode(403);
        as(Tokens.forPatient(patient)).body(Map.of("endsOn", "2026-11-20")).post("/coverages/" + id + "/end").then()
                .statusCode(403);

        assertEquals(2L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE resource_type = 'Coverage' "
                + "AND resource_id = ?1 AND action = 'read' AND outcome = 'SUCCESS'", id));
        assertEquals(2L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE patient_id = ?1 "
                + "AND outcome = 'DENIED'", patient));
    }
}
