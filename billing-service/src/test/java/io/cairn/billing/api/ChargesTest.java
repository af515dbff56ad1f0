package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.DIRECTOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.attendance;
import static io.cairn.billing.api.Billing.attended;
import static io.cairn.billing.api.Billing.awaitCharges;
import static io.cairn.billing.api.Billing.charges;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.open;
import static io.cairn.billing.api.Billing.professionalPayer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Each attended day becomes one charge with its payer's codes: never below the minimum, never twice. */
@QuarkusTest
class ChargesTest {

    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Inject
    EntityManager entities;

    static LocalDate nov(int day) {
        return NOV.withDayOfMonth(day);
    }

    @Test
    void aMonthOfAttendanceBecomesExactlyTheExpectedChargesAndAReplayChangesNothing() {
        UUID patient = UUID.randomUUID();
        String payer = institutionalPayer();
        String coverage = coverage(patient, payer, "primary", NOV, null);

        // November 2026 on a Monday, Wednesday and Thursday track, three hours a day.
        List<AttendanceRecorded> month = new ArrayList<>();
        for (int day : new int[] { 2, 5, 9, 11, 16, 19, 23, 26 }) {
            month.add(attendance(UUID.randomUUID(), patient, nov(day), SessionKind.GROUP, AttendanceStatus.PRESENT,
                    180));
        }
        // Absent and excused days document nothing; a late arrival leaves 150 minutes, under the payer's 180.
        month.add(attendance(UUID.randomUUID(), patient, nov(4), SessionKind.GROUP, AttendanceStatus.ABSENT, 0));
        month.add(attendance(UUID.randomUUID(), patient, nov(25), SessionKind.GROUP, AttendanceStatus.EXCUSED, 0));
        month.add(attendance(UUID.randomUUID(), patient, nov(12), SessionKind.GROUP, AttendanceStatus.LATE, 150));
        // A group left early and an individual session the same day add up to the minimum.
        month.add(attendance(UUID.randomUUID(), patient, nov(18), SessionKind.GROUP, AttendanceStatus.LEFT_EARLY, 120));
        month.add(attendance(UUID.randomUUID(), patient, nov(18), SessionKind.INDIVIDUAL, AttendanceStatus.PRESENT, 60));
        // A family session of an hour and a half alone is under the minimum.
        month.add(attendance(UUID.randomUUID(), patient, nov(20), SessionKind.FAMILY, AttendanceStatus.PRESENT, 90));
        month.add(attendance(UUID.randomUUID(), patient, nov(30), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        List<ProducerRecord<String, String>> delivered = month.stream().map(EventRecords::of).toList();
        EventRecords.send(delivered.toArray(ProducerRecord[]::new));

        List<Map<String, Object>> charged = awaitCharges(patient,
                found -> found.stream().anyMatch(c -> "2026-11-30".equals(c.get("serviceDate"))));
        assertEquals(List.of("2026-11-02", "2026-11-05", "2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18",
                "2026-11-19", "2026-11-23", "2026-11-26", "2026-11-30"),
                charged.stream().map(c -> c.get("serviceDate")).toList());
        for (Map<String, Object> charge : charged) {
            assertEquals("open", charge.get("status"));
            assertEquals(coverage, charge.get("coverageId"));
            assertEquals(payer, charge.get("payerId"));
            assertEquals("institutional", charge.get("claimForm"));
            assertEquals("S9480", charge.get("procedureCode"));
            assertEquals("0905", charge.get("revenueCode"));
            assertEquals(1, charge.get("units"));
            assertEquals(310.0, ((Number) charge.get("amount")).doubleValue());
        }
        assertEquals(180, charged.get(5).get("minutesDocumented"));

        // The month delivered again, and announced again under new event ids (scheduling re-sends a corrected
        // attendance under the same attendance id): no day is charged twice. A last correction adds a session to
        // the 30th, so its 210 minutes tell that everything before it was applied.
        List<ProducerRecord<String, String>> again = new ArrayList<>(delivered);
        month.forEach(attendance -> again.add(EventRecords.of(attendance)));
        again.add(attended(UUID.randomUUID(), patient, nov(30), SessionKind.INDIVIDUAL, AttendanceStatus.PRESENT, 30));
        EventRecords.send(again.toArray(ProducerRecord[]::new));
        List<Map<String, Object>> replayed = awaitCharges(patient, found -> found.stream().anyMatch(
                c -> "2026-11-30".equals(c.get("serviceDate")) && Integer.valueOf(210).equals(c.get(
                        "minutesDocumented"))));
        assertEquals(10, replayed.size());
        assertEquals(10L, Rows.count(entities, "SELECT count(*) FROM charge WHERE patient_id = ?1", patient));
        assertEquals(3100.0, replayed.stream().mapToDouble(c -> ((Number) c.get("amount")).doubleValue()).sum());
        assertEquals(charged.stream().map(c -> c.get("id")).toList(), replayed.stream().map(c -> c.get("id")).toList());
    }

    @Test
    void aProfessionalPayersChargesCarryItsOwnCodesAndMinimum() {
        UUID patient = UUID.randomUUID();
        String payer = professionalPayer();
        coverage(patient, payer, "primary", NOV, null);
        EventRecords.send(attended(UUID.randomUUID(), patient, nov(3), SessionKind.GROUP, AttendanceStatus.LATE, 150),
                attended(UUID.randomUUID(), patient, nov(4), SessionKind.GROUP, AttendanceStatus.LEFT_EARLY, 100));
        EventRecords.send(attended(UUID.randomUUID(), patient, nov(5), SessionKind.GROUP, AttendanceStatus.PRESENT,
                180));

        List<Map<String, Object>> charged = awaitCharges(patient, found -> found.size() == 2);
        assertEquals(List.of("2026-11-03", "2026-11-05"), charged.stream().map(c -> c.get("serviceDate")).toList());
        Map<String, Object> late = charged.get(0);
        assertEquals("professional", late.get("claimForm"));
        assertEquals("H0015", late.get("procedureCode"));
        assertNull(late.get("revenueCode"));
        assertEquals("11", late.get("placeOfService"));
        assertEquals(245.5, ((Number) late.get("amount")).doubleValue());
        assertEquals(150, late.get("minutesDocumented"));
    }

    @Test
    void aCorrectionDeliveredAfterANewerOneChangesNothing() {
        UUID patient = UUID.randomUUID();
        coverage(patient, institutionalPayer(), "primary", NOV, null);
        UUID attendance = UUID.randomUUID();
        java.time.Instant first = java.time.Instant.now().minusSeconds(60);
        java.time.Instant corrected = java.time.Instant.now();
        UUID session = UUID.randomUUID();
        // The correction to a full day arrives first; the earlier early leave, sent again from a dead-letter topic,
        // after it.
        EventRecords.send(EventRecords.of(new AttendanceRecorded(attendance, patient, session, SessionKind.GROUP,
                AttendanceStatus.PRESENT, 180, nov(10), corrected)));
        EventRecords.send(EventRecords.of(new AttendanceRecorded(attendance, patient, session, SessionKind.GROUP,
                AttendanceStatus.LEFT_EARLY, 90, nov(10), first)));
        UUID marker = UUID.randomUUID();
        EventRecords.send(attended(marker, patient, nov(12), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        List<Map<String, Object>> charged = awaitCharges(patient, found -> found.size() == 2);
        assertEquals(List.of("open", "open"), charged.stream().map(c -> c.get("status")).toList());
        assertEquals(180, charged.get(0).get("minutesDocumented"));
    }

    @Test
    void aDayAttendedWhollyByTelehealthCarriesThePayersTelehealthCodes() {
        UUID patient = UUID.randomUUID();
        coverage(patient, professionalPayer(), "primary", NOV, null);
        UUID remote = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new AttendanceRecorded(remote, patient, UUID.randomUUID(), SessionKind.GROUP,
                AttendanceStatus.PRESENT, 180, nov(3), java.time.Instant.now(), AttendanceMode.TELEHEALTH)),
                // The 4th: a group by video and an individual session in the room is an in-person day.
                EventRecords.of(new AttendanceRecorded(UUID.randomUUID(), patient, UUID.randomUUID(),
                        SessionKind.GROUP, AttendanceStatus.PRESENT, 120, nov(4), java.time.Instant.now(),
                        AttendanceMode.TELEHEALTH)),
                EventRecords.of(new AttendanceRecorded(UUID.randomUUID(), patient, UUID.randomUUID(),
                        SessionKind.INDIVIDUAL, AttendanceStatus.PRESENT, 60, nov(4), java.time.Instant.now(),
                        AttendanceMode.IN_PERSON)));
        List<Map<String, Object>> charged = awaitCharges(patient, found -> found.size() == 2
                && Integer.valueOf(180).equals(found.get(1).get("minutesDocumented")));
        assertEquals("10", charged.get(0).get("placeOfService"));
        assertEquals("95", charged.get(0).get("modifier"));
        assertEquals("11", charged.get(1).get("placeOfService"));
        assertNull(charged.get(1).get("modifier"));

        // Corrected: she came in after all. The open charge follows the day.
        EventRecords.send(EventRecords.of(new AttendanceRecorded(remote, patient, UUID.randomUUID(),
                SessionKind.GROUP, AttendanceStatus.PRESENT, 180, nov(3), java.time.Instant.now(),
                AttendanceMode.IN_PERSON)));
        Map<String, Object> inPerson = awaitCharges(patient, found -> found.get(0).get("modifier") == null).get(0);
        assertEquals("11", inPerson.get("placeOfService"));
        assertEquals(charged.get(0).get("id"), inPerson.get("id"));
    }

    @Test
    void aCorrectionBelowTheMinimumVoidsTheDaysChargeAndOneBackAboveChargesItAgain() {
        UUID patient = UUID.randomUUID();
        coverage(patient, institutionalPayer(), "primary", NOV, null);
        UUID attendance = UUID.randomUUID();
        EventRecords.send(attended(attendance, patient, nov(9), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        String first = (String) awaitCharges(patient, found -> found.size() == 1).get(0).get("id");

        // Corrected: she left after an hour and a half.
        EventRecords.send(attended(attendance, patient, nov(9), SessionKind.GROUP, AttendanceStatus.LEFT_EARLY, 90));
        Map<String, Object> voided = awaitCharges(patient, found -> open(found).isEmpty()).get(0);
        assertEquals(first, voided.get("id"));
        assertEquals("void", voided.get("status"));
        assertTrue(((String) voided.get("voidReason")).contains("90 minutes"), () -> voided.toString());

        // Corrected back: a new open charge; the void one stays for the record.
        EventRecords.send(attended(attendance, patient, nov(9), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        List<Map<String, Object>> again = awaitCharges(patient, found -> open(found).size() == 1);
        assertEquals(2, again.size());
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM charge WHERE patient_id = ?1 AND status = 'VOID'",
                patient));
    }

    @Test
    void daysAttendedWithoutCoverageAreChargedOnceAPrimaryCoverageCoversThem() {
        UUID patient = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        EventRecords.send(attended(UUID.randomUUID(), patient, nov(2), SessionKind.GROUP, AttendanceStatus.PRESENT, 180),
                attended(UUID.randomUUID(), patient, nov(16), SessionKind.GROUP, AttendanceStatus.PRESENT, 180),
                attended(marker, patient, nov(23), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        await(() -> Rows.count(entities, "SELECT count(*) FROM attended_session WHERE attendance_id = ?1", marker) == 1);
        assertEquals(0, charges(patient).size());

        // A secondary coverage alone is billed nothing: the primary is billed first.
        coverage(patient, institutionalPayer(), "secondary", NOV, null);
        assertEquals(0, charges(patient).size());

        // The primary, entered late, from the 10th: the 16th and 23rd are charged at once, the 2nd is not covered.
        String primary = coverage(patient, professionalPayer(), "primary", nov(10), null);
        List<Map<String, Object>> charged = charges(patient);
        assertEquals(List.of("2026-11-16", "2026-11-23"), charged.stream().map(c -> c.get("serviceDate")).toList());

        // It ended on the 20th: the 23rd is no longer covered, and its charge is void.
        as(Billing.COORDINATOR).body(Map.of("endsOn", "2026-11-20")).post("/coverages/" + primary + "/end").then()
                .statusCode(200);
        List<Map<String, Object>> after = charges(patient);
        assertEquals(List.of("2026-11-16"), open(after).stream().map(c -> c.get("serviceDate")).toList());
        assertEquals("void", after.get(1).get("status"));
    }

    @Test
    void chargesAreReadByTheDirectorAndCoordinatorsOnlyAndEachReadIsAudited() {
        UUID patient = UUID.randomUUID();
        coverage(patient, institutionalPayer(), "primary", NOV, null);
        EventRecords.send(attended(UUID.randomUUID(), patient, nov(2), SessionKind.GROUP, AttendanceStatus.PRESENT, 180));
        String id = (String) awaitCharges(patient, found -> found.size() == 1).get(0).get("id");
        long reads = Rows.count(entities, "SELECT count(*) FROM audit_event WHERE resource_type = 'Charge' "
                + "AND resource_id = ?1 AND action = 'read'", id);
        charges(patient);
        assertEquals(reads + 1, Rows.count(entities, "SELECT count(*) FROM audit_event WHERE resource_type = 'Charge' "
                + "AND resource_id = ?1 AND action = 'read'", id));

        as(Billing.CLINICIAN).get("/charges?patientId=" + patient).then().statusCode(403);
        as(io.cairn.testkit.Tokens.forPatient(patient)).get("/charges?patientId=" + patient).then().statusCode(403);
        as(DIRECTOR).get("/charges?patientId=" + patient + "&from=2026-11-30&to=2026-11-01").then().statusCode(400)
                .contentType("application/problem+json");
        as(DIRECTOR).get("/charges?patientId=" + patient + "&from=2026-11-03").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(condition);
    }
}
