package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.DIRECTOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.attended;
import static io.cairn.billing.api.Billing.awaitCharges;
import static io.cairn.billing.api.Billing.consent;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.diagnoses;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.payerCode;
import static io.cairn.billing.api.Billing.professionalPayer;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.billing.x12.X12Reading;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run's claims become an 837 the X12 library reads back against the guide's layout with no error. */
@QuarkusTest
class ClaimFilesTest {

    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Inject
    EntityManager entities;

    /** A patient with consent for payment, diagnoses and the November days given charged to the payer. */
    UUID claimablePatient(String payer, int... days) {
        UUID patient = chargedWithConsent(payer, days);
        diagnoses(patient, "F10.20", "F32.1");
        return patient;
    }

    UUID chargedWithConsent(String payer, int... days) {
        UUID patient = UUID.randomUUID();
        coverage(patient, payer, "primary", NOV, null);
        UUID consent = UUID.randomUUID();
        EventRecords.send(EventRecords.of(consent(consent, patient, payerCode(payer), ConsentPurpose.PAYMENT,
                ConsentStatus.ACTIVE, 1)));
        EventRecords.send(Arrays.stream(days).mapToObj(day -> attended(UUID.randomUUID(), patient,
                NOV.withDayOfMonth(day), SessionKind.GROUP, AttendanceStatus.PRESENT, 180))
                .toArray(org.apache.kafka.clients.producer.ProducerRecord[]::new));
        awaitCharges(patient, found -> found.size() == days.length);
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                + "consent_projection WHERE consent_id = ?1", consent) == 1);
        return patient;
    }

    String file(JsonPath run) {
        return as(DIRECTOR).accept("application/edi-x12").get("/claim-files/" + run.getString("fileId")).then()
                .statusCode(200).contentType("application/edi-x12").extract().asString();
    }

    static List<String> segments(String x12, String tag) {
        return x12.lines().map(line -> line.endsWith("~") ? line.substring(0, line.length() - 1) : line)
                .filter(line -> line.startsWith(tag + "*")).toList();
    }

    @Test
    void anInstitutionalRunIsOne837IWithAClaimPerPatientThatReadsBackWithoutErrors() {
        String payer = institutionalPayer();
        UUID first = claimablePatient(payer, 2, 4, 5);
        UUID second = claimablePatient(payer, 9);

        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, run.getList("claims").size());
        String x12 = file(run);

        assertEquals(List.of(), X12Reading.errors(x12, X12Reading.schema("x12/837I.xml")));
        assertTrue(x12.startsWith("ISA*00*"), x12);
        assertEquals(List.of("ST*837*0001*005010X223A2"), segments(x12, "ST"));
        List<String> claims = segments(x12, "CLM");
        assertEquals(2, claims.size());
        String firstClaim = run.getString("claims.find { it.patientId == '" + first + "' }.claimNumber");
        assertEquals(20, firstClaim.length());
        assertTrue(claims.contains("CLM*" + firstClaim + "*930***13:A:1**A*Y*Y"), claims.toString());
        assertEquals(4, segments(x12, "SV2").size());
        assertTrue(segments(x12, "SV2").contains("SV2*0905*HC:S9480*310*UN*1"), x12);
        assertTrue(segments(x12, "DTP").contains("DTP*434*RD8*20261102-20261105"), x12);
        assertTrue(segments(x12, "HI").containsAll(List.of("HI*ABK:F1020", "HI*ABF:F321")), x12);
        assertTrue(segments(x12, "NM1").stream().anyMatch(nm1 -> nm1.startsWith("NM1*IL*1*Rivera*Ana****MI*")),
                x12);
        assertTrue(segments(x12, "NM1").contains("NM1*PR*2*Blue Valley Health Plan*****PI*" + payerCode(payer)), x12);
        // The same control number in ISA13, GS06, GE02 and IEA02 (the reader checks they match).
        String control = x12.substring(90, 99);
        assertTrue(segments(x12, "IEA").contains("IEA*1*" + control), x12);
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM claim WHERE file_id = ?1 AND patient_id = ?2",
                UUID.fromString(run.getString("fileId")), second));
    }

    @Test
    void aProfessionalRunIsAn837PWithTheProceduresPlaceAndDiagnosisPointers() {
        String payer = professionalPayer();
        UUID patient = claimablePatient(payer, 3, 10);
        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        String x12 = file(run);

        assertEquals(List.of(), X12Reading.errors(x12, X12Reading.schema("x12/837P.xml")));
        assertEquals(List.of("ST*837*0001*005010X222A1"), segments(x12, "ST"));
        assertEquals(List.of("CLM*" + run.getString("claims[0].claimNumber") + "*491***11:B:1*Y*A*Y*Y"), segments(x12, "CLM"));
        assertEquals(List.of("HI*ABK:F1020*ABF:F321"), segments(x12, "HI"));
        assertEquals(List.of("SV1*HC:H0015*245.5*UN*1***1", "SV1*HC:H0015*245.5*UN*1***1"), segments(x12, "SV1"));
        assertEquals(List.of("DTP*472*D8*20261103", "DTP*472*D8*20261110"), segments(x12, "DTP"));
        assertEquals(patient.toString(), run.getString("claims[0].patientId"));
        // SE counts ST to SE.
        List<String> lines = x12.lines().toList();
        long transaction = lines.stream().dropWhile(line -> !line.startsWith("ST*")).takeWhile(line -> !line
                .startsWith("GE*")).count();
        assertEquals(List.of("SE*" + transaction + "*0001"), segments(x12, "SE"));
    }

    @Test
    void aTelehealthDayIsALineWithItsOwnPlaceOfServiceAndTheModifier() {
        String payer = professionalPayer();
        UUID patient = claimablePatient(payer, 17);
        EventRecords.send(EventRecords.of(new io.cairn.contracts.events.AttendanceRecorded(UUID.randomUUID(), patient,
                UUID.randomUUID(), SessionKind.GROUP, AttendanceStatus.PRESENT, 180, NOV.withDayOfMonth(18),
                java.time.Instant.now(), io.cairn.contracts.events.AttendanceMode.TELEHEALTH)));
        awaitCharges(patient, found -> found.size() == 2);
        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        String x12 = file(run);
        assertEquals(List.of(), X12Reading.errors(x12, X12Reading.schema("x12/837P.xml")));
        assertEquals(List.of("CLM*" + run.getString("claims[0].claimNumber") + "*491***11:B:1*Y*A*Y*Y"), segments(x12, "CLM"));
        assertEquals(List.of("SV1*HC:H0015*245.5*UN*1***1", "SV1*HC:H0015:95*245.5*UN*1*10**1"),
                segments(x12, "SV1"));
    }

    @Test
    void theLayoutCatchesWhatAGuideWouldRefuse() {
        String payer = professionalPayer();
        claimablePatient(payer, 12);
        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        String x12 = file(run);
        // A claim without its diagnosis, and a line without its procedure: each an error the reader reports.
        String noDiagnosis = x12.replaceAll("(?m)^HI\\*.*~\\R", "");
        assertTrue(X12Reading.errors(noDiagnosis, X12Reading.schema("x12/837P.xml")).stream()
                .anyMatch(error -> error.contains("MANDATORY_SEGMENT_MISSING") || error.contains("SEGMENT")),
                () -> X12Reading.errors(noDiagnosis, X12Reading.schema("x12/837P.xml")).toString());
        String badAmount = x12.replace("*245.5*UN*", "*2x5*UN*");
        assertTrue(X12Reading.errors(badAmount, X12Reading.schema("x12/837P.xml")).stream()
                .anyMatch(error -> error.contains("SV1")),
                () -> X12Reading.errors(badAmount,
                        X12Reading.schema("x12/837P.xml")).toString());
    }

    @Test
    void aPatientWithoutDiagnosesGetsNoClaimAndAReason() {
        String payer = institutionalPayer();
        UUID patient = chargedWithConsent(payer, 16);
        as(Billing.CLINICIAN).body(Map.of("codes", List.of("F10.20", "F10.20"))).put("/diagnoses/" + patient).then()
                .statusCode(400).contentType("application/problem+json");
        as(Billing.CLINICIAN).body(Map.of("codes", List.of("not-a-code"))).put("/diagnoses/" + patient).then()
                .statusCode(400).contentType("application/problem+json");
        as(Billing.COORDINATOR).body(Map.of("codes", List.of("F10.20"))).put("/diagnoses/" + patient).then()
                .statusCode(403);
        as(Billing.CLINICIAN).get("/diagnoses/" + patient).then().statusCode(200).body("codes.size()",
                org.hamcrest.Matchers.is(0));

        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, run.getList("claims").size());
        assertEquals(null, run.getString("fileId"));
        assertTrue(run.getString("held[0].reason").contains("diagnos"), run.prettify());
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM claim WHERE patient_id = ?1", patient));

        // Recorded, the next run claims the day.
        diagnoses(patient, "F10.20");
        JsonPath next = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, next.getList("claims").size());
        assertTrue(segments(file(next), "HI").contains("HI*ABK:F1020"));
    }
}
