package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.DIRECTOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.attended;
import static io.cairn.billing.api.Billing.awaitCharges;
import static io.cairn.billing.api.Billing.charges;
import static io.cairn.billing.api.Billing.consent;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.payerCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A claim discloses attendance to a payer: it is made only under the patient's Part 2 consent for payment. */
@QuarkusTest
class ClaimsTest {

    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Inject
    EntityManager entities;

    /** A patient covered by a new institutional payer with three charged days in November; answers the payer. */
    String chargedPatient(UUID patient) {
        String payer = institutionalPayer();
        coverage(patient, payer, "primary", NOV, null);
        Billing.diagnoses(patient, "F10.20");
        EventRecords.send(attended(UUID.randomUUID(), patient, NOV.withDayOfMonth(2), SessionKind.GROUP,
                AttendanceStatus.PRESENT, 180),
                attended(UUID.randomUUID(), patient, NOV.withDayOfMonth(4),
                        SessionKind.GROUP, AttendanceStatus.PRESENT, 180),
                attended(UUID.randomUUID(), patient,
                        NOV.withDayOfMonth(30), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        awaitCharges(patient, found -> found.size() == 3);
        return payer;
    }

    void awaitConsent(UUID consentId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                + "consent_projection WHERE consent_id = ?1 AND status = ?2", consentId, status) == 1);
    }

    JsonPath claim(String payer, String through) {
        return as(DIRECTOR).body(Map.of("payerId", payer, "through", through)).post("/claims").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void underAConsentForPaymentTheOpenChargesAreClaimedOnceAndTheClaimIsADisclosure() {
        UUID patient = UUID.randomUUID();
        String payer = chargedPatient(patient);
        UUID consent = UUID.randomUUID();
        EventRecords.send(EventRecords.of(consent(consent, patient, payerCode(payer), ConsentPurpose.PAYMENT,
                ConsentStatus.ACTIVE, 1)));
        awaitConsent(consent, "ACTIVE");

        // Through the 29th: the 30th stays open for the next run.
        JsonPath run = claim(payer, "2026-11-29");
        assertEquals(List.of(), run.getList("held"));
        assertEquals(1, run.getList("claims").size());
        assertEquals(patient.toString(), run.getString("claims[0].patientId"));
        assertEquals(consent.toString(), run.getString("claims[0].consentId"));
        assertEquals("2026-11-02", run.getString("claims[0].firstDay"));
        assertEquals("2026-11-04", run.getString("claims[0].lastDay"));
        assertEquals(620.0, run.getDouble("claims[0].total"));
        assertEquals(List.of("claimed", "claimed"), run.getList("claims[0].charges.status"));
        String claimId = run.getString("claims[0].id");
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND resource_type = 'Claim' AND resource_id = ?1 AND patient_id = ?2", claimId, patient));

        // Made again, a run claims only what is still open: the 30th.
        JsonPath again = claim(payer, "2026-11-30");
        assertEquals(1, again.getList("claims").size());
        assertEquals("2026-11-30", again.getString("claims[0].firstDay"));
        assertEquals(0, claim(payer, "2026-11-30").getList("claims").size());
        assertEquals(3L, Rows.count(entities, "SELECT count(*) FROM charge WHERE patient_id = ?1 AND status = "
                + "'CLAIMED'", patient));

        // A correction after the claim leaves the claimed day as it is: that needs a corrected claim.
        UUID late = UUID.randomUUID();
        EventRecords.send(attended(late, patient, NOV.withDayOfMonth(2), SessionKind.INDIVIDUAL,
                AttendanceStatus.PRESENT, 60));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                + "attended_session WHERE attendance_id = ?1", late) == 1);
        assertEquals(3, charges(patient).size());
        as(DIRECTOR).get("/claims/" + claimId).then().statusCode(200).body("charges.size()",
                org.hamcrest.Matchers.is(2));
        as(DIRECTOR).get("/claims?patientId=" + patient).then().statusCode(200).body("size()",
                org.hamcrest.Matchers.is(2));
    }

    @Test
    void aPatientWithoutAConsentForPaymentNamingThePayerGetsNoClaimAndAClearReason() {
        UUID patient = UUID.randomUUID();
        String payer = chargedPatient(patient);
        String code = payerCode(payer);
        // Consents that do not do: for care coordination naming the payer, for payment naming another payer, and one
        // for payment naming it that the patient revoked.
        UUID coordination = UUID.randomUUID();
        UUID otherPayer = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        // ... one for payment naming it that releases attendance alone (not who the patient is, nor the diagnoses),
        // and one that expired yesterday.
        UUID attendanceOnly = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new io.cairn.contracts.events.ConsentChanged(attendanceOnly, patient, code,
                ConsentPurpose.PAYMENT, List.of(io.cairn.contracts.events.RecordCategory.ATTENDANCE),
                ConsentStatus.ACTIVE, LocalDate.now().minusDays(30), null, java.time.Instant.now(), 1L)),
                EventRecords.of(new io.cairn.contracts.events.ConsentChanged(expired, patient, code,
                        ConsentPurpose.PAYMENT, List.of(io.cairn.contracts.events.RecordCategory.values()),
                        ConsentStatus.ACTIVE, LocalDate.now().minusDays(30), LocalDate.now().minusDays(1),
                        java.time.Instant.now(), 1L)));
        awaitConsent(attendanceOnly, "ACTIVE");
        awaitConsent(expired, "ACTIVE");
        EventRecords.send(EventRecords.of(consent(coordination, patient, code, ConsentPurpose.CARE_COORDINATION,
                ConsentStatus.ACTIVE, 1)), EventRecords.of(
                        consent(otherPayer, patient, "OTHERPAYER",
                                ConsentPurpose.PAYMENT, ConsentStatus.ACTIVE, 1)),
                EventRecords.of(consent(revoked, patient,
                        code, ConsentPurpose.PAYMENT, ConsentStatus.ACTIVE, 1)),
                EventRecords.of(consent(revoked, patient, code, ConsentPurpose.PAYMENT, ConsentStatus.REVOKED, 2)));
        awaitConsent(revoked, "REVOKED");
        awaitConsent(otherPayer, "ACTIVE");
        awaitConsent(coordination, "ACTIVE");

        JsonPath run = claim(payer, "2026-11-30");
        assertEquals(0, run.getList("claims").size());
        assertEquals(List.of(patient.toString()), run.getList("held.patientId"));
        assertEquals(3, run.getInt("held[0].charges"));
        String reason = run.getString("held[0].reason");
        assertTrue(reason.contains("consent") && reason.contains(code) && reason.contains("payment"), reason);
        assertEquals(3, Billing.open(charges(patient)).size());
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM claim WHERE patient_id = ?1", patient));
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND patient_id = ?1", patient));
    }

    @Test
    void claimsAreTheDirectorsAndBadRunsAreRefused() {
        as(Tokens.forRole(io.cairn.contracts.Roles.INTAKE_COORDINATOR)).body(Map.of("payerId", UUID.randomUUID(),
                "through", "2026-11-30")).post("/claims").then().statusCode(403);
        as(DIRECTOR).body(Map.of("payerId", UUID.randomUUID(), "through", "2026-11-30")).post("/claims").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field",
                        org.hamcrest.Matchers.is("payerId"));
        as(DIRECTOR).body(Map.of("through", "2026-11-30")).post("/claims").then().statusCode(400)
                .contentType("application/problem+json");
        as(DIRECTOR).get("/claims/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
