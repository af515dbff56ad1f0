package io.cairn.scheduling.fhir;

import static io.cairn.scheduling.api.AttendanceTest.attend;
import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.Schedule.today;
import static io.cairn.testkit.BulkExportRequests.awaitComplete;
import static io.cairn.testkit.BulkExportRequests.exported;
import static io.cairn.testkit.BulkExportRequests.file;
import static io.cairn.testkit.BulkExportRequests.start;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scheduling's part of a Bulk Data export: every booking as an Appointment, each attended session once as an
 * Encounter, to an EHR only under a consent for attendance; {@code _since} finds an appointment changed by its
 * attendance.
 */
@QuarkusTest
class FhirBulkExportTest {

    @Test
    void anEhrExportsTheAppointmentsAndEncountersItsConsentNames() {
        UUID consenting = UUID.randomUUID();
        String attended = session("facilitator-" + UUID.randomUUID(), today().minusDays(4), "18:00", "21:00", 10);
        String coming = session("facilitator-" + UUID.randomUUID(), today().plusDays(4), "18:00", "21:00", 10);
        book(attended, consenting).statusCode(201);
        book(coming, consenting).statusCode(201);
        attend(attended, consenting, "present", 180);
        UUID stranger = UUID.randomUUID();
        book(attended, stranger).statusCode(201);
        attend(attended, stranger, "present", 180);
        consentToEhr(consenting, RecordCategory.ATTENDANCE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).queryParam("patient", consenting)
                .get("/Appointment").statusCode() == 200);

        String job = start(EHR_TOKEN, null, null);
        assertEquals(Set.of("Appointment", "Encounter"),
                Set.copyOf(awaitComplete(EHR_TOKEN, job).<String> getList("output.type")));
        List<String> appointments = file(EHR_TOKEN, job, "Appointment");
        List<String> encounters = file(EHR_TOKEN, job, "Encounter");
        for (List<String> lines : List.of(appointments, encounters)) {
            lines.forEach(FhirValidation::assertValid);
            assertFalse(lines.stream().anyMatch(line -> line.contains("Patient/" + stranger)), "no consent, no line");
        }
        assertEquals(2, appointments.stream().filter(line -> line.contains("Patient/" + consenting)).count());
        List<String> theirs = encounters.stream().filter(line -> line.contains("Patient/" + consenting)).toList();
        assertEquals(1, theirs.size(), "the session they came to");
        assertEquals("finished", JsonPath.from(theirs.get(0)).getString("status"));
    }

    @Test
    void sinceFindsTheAppointmentWhoseAttendanceWasRecorded() {
        UUID patient = UUID.randomUUID();
        String held = session("facilitator-" + UUID.randomUUID(), today().minusDays(2), "18:00", "21:00", 10);
        String other = session("facilitator-" + UUID.randomUUID(), today().plusDays(5), "18:00", "21:00", 10);
        book(held, patient).statusCode(201);
        book(other, patient).statusCode(201);
        Instant since = Instant.now();
        attend(held, patient, "absent", 0);

        List<String> changed = exported(Tokens.forRole(Roles.PROGRAM_DIRECTOR), "Appointment", since.toString(),
                "Appointment").stream().filter(line -> line.contains("Patient/" + patient)).toList();
        assertEquals(1, changed.size(), "only the session whose attendance was recorded: " + changed);
        assertEquals("noshow", JsonPath.from(changed.get(0)).getString("status"));
        assertTrue(Instant.parse(JsonPath.from(changed.get(0)).getString("meta.lastUpdated")).isAfter(since));
    }
}
