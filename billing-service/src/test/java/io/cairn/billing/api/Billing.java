package io.cairn.billing.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What billing's tests share: callers, payers and coverage entered through the API, attendance as scheduling sends it. */
final class Billing {

    static final String DIRECTOR = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
    static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);
    static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);

    static final Map<String, Object> SUBSCRIBER = Map.of("givenName", "Ana", "familyName", "Rivera", "birthDate",
            "1988-04-12", "sex", "female", "addressLine", "14 Main St", "city", "Springfield", "state", "IL",
            "postalCode", "62701");

    private Billing() {
    }

    /** Records the patient's diagnoses for claims, as a clinician. */
    static void diagnoses(UUID patient, String... codes) {
        as(CLINICIAN).body(Map.of("codes", List.of(codes))).put("/diagnoses/" + patient).then().statusCode(200);
    }

    static RequestSpecification as(String token) {
        return given().basePath("/api/v1").auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** An institutional payer: S9480 with revenue code 0905, 310.00 a day, 180 minutes at least. */
    static String institutionalPayer() {
        return as(DIRECTOR).body(Map.of("name", "Blue Valley Health Plan", "payerCode", uniqueCode(), "claimForm",
                "institutional", "procedureCode", "S9480", "revenueCode", "0905", "placeOfService", "11", "dayRate",
                310.00, "minimumMinutes", 180)).post("/payers").then().statusCode(201).extract().path("id");
    }

    /** A professional payer: H0015 in an office, 245.50 a day, 120 minutes at least. */
    static String professionalPayer() {
        return as(DIRECTOR).body(Map.of("name", "Lakeshore Medicaid", "payerCode", uniqueCode(), "claimForm",
                "professional", "procedureCode", "H0015", "placeOfService", "11", "dayRate", 245.50,
                "minimumMinutes", 120)).post("/payers").then().statusCode(201).extract().path("id");
    }

    static String uniqueCode() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static String coverage(UUID patient, String payerId, String rank, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("patientId", patient, "payerId", payerId, "rank",
                rank, "memberId", "XJH448812", "subscriber", SUBSCRIBER, "startsOn", startsOn.toString()));
        if (endsOn != null) {
            body.put("endsOn", endsOn.toString());
        }
        return as(COORDINATOR).body(body).post("/coverages").then().statusCode(201).extract().path("id");
    }

    static ProducerRecord<String, String> attended(UUID attendanceId, UUID patient, LocalDate day, SessionKind kind,
            AttendanceStatus status, int minutes) {
        return EventRecords.of(attendance(attendanceId, patient, day, kind, status, minutes));
    }

    static AttendanceRecorded attendance(UUID attendanceId, UUID patient, LocalDate day, SessionKind kind,
            AttendanceStatus status, int minutes) {
        return new AttendanceRecorded(attendanceId, patient, UUID.randomUUID(), kind, status, minutes, day,
                Instant.now());
    }

    /** The payer's code, which a consent for payment names as its recipient. */
    static String payerCode(String payerId) {
        return as(DIRECTOR).get("/payers/" + payerId).then().statusCode(200).extract().path("payerCode");
    }

    static ConsentChanged consent(UUID consentId, UUID patient, String recipient, ConsentPurpose purpose,
            ConsentStatus status, long revision) {
        return new ConsentChanged(consentId, patient, recipient, purpose, List.of(RecordCategory.DEMOGRAPHICS,
                RecordCategory.ATTENDANCE, RecordCategory.ASSESSMENTS), status, LocalDate.now().minusDays(30), null,
                Instant.now(), revision);
    }

    static List<Map<String, Object>> charges(UUID patient) {
        return as(DIRECTOR).get("/charges?patientId=" + patient).then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    /** Waits until the patient's charges satisfy the condition, and answers them. */
    static List<Map<String, Object>> awaitCharges(UUID patient, Predicate<List<Map<String, Object>>> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> condition.test(charges(patient)));
        return charges(patient);
    }

    static List<Map<String, Object>> open(List<Map<String, Object>> charges) {
        return charges.stream().filter(c -> "open".equals(c.get("status"))).toList();
    }
}
