package io.cairn.treatmentplan.fhir;

import static io.cairn.testkit.BulkExportRequests.awaitComplete;
import static io.cairn.testkit.BulkExportRequests.file;
import static io.cairn.testkit.BulkExportRequests.start;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * This service's part of a Bulk Data export (the gateway's {@code $export} starts it, polls it and serves its files):
 * an EHR gets the plans and goals of the patients whose consent names it, checked again at download, each line a
 * disclosure; the export is its caller's alone; {@code _since} keeps what changed.
 */
@QuarkusTest
class FhirBulkExportTest {

    @Inject
    EntityManager entities;

    @Test
    void anEhrExportsThePlansItsConsentReleasesAndEachLineDownloadedIsADisclosure() {
        UUID consenting = UUID.randomUUID();
        String plan = activePlan(consenting);
        UUID withoutConsent = UUID.randomUUID();
        String otherPlan = activePlan(withoutConsent);
        UUID consent = UUID.randomUUID();
        EventRecords.send(EventRecords.of(consentChange(consent, consenting, ConsentStatus.ACTIVE, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/CarePlan/" + plan).statusCode() == 200);

        String job = start(EHR_TOKEN, "CarePlan,Goal", null);
        JsonPath status = awaitComplete(EHR_TOKEN, job);
        assertTrue(status.getList("output.type").containsAll(List.of("CarePlan", "Goal")));

        List<String> carePlans = file(EHR_TOKEN, job, "CarePlan");
        assertTrue(carePlans.stream().anyMatch(line -> line.contains("\"id\":\"" + plan + "\"")));
        assertFalse(carePlans.stream().anyMatch(line -> line.contains(otherPlan)), "no consent, no line");
        carePlans.forEach(FhirValidation::assertValid);
        List<String> goals = file(EHR_TOKEN, job, "Goal");
        assertTrue(goals.stream().anyMatch(line -> line.contains("Patient/" + consenting)), "the plan's goals");
        assertFalse(goals.stream().anyMatch(line -> line.contains("Patient/" + withoutConsent)));
        goals.forEach(FhirValidation::assertValid);
        assertTrue(Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND resource_id = ?1 AND resource_type = 'CarePlan' AND client_id = ?2", plan, EHR) >= 1,
                () -> "the download is a disclosure: " + Rows.list(entities, "SELECT action || ' ' || resource_type || ' ' "
                        + "|| coalesce(client_id, '-') FROM audit_event WHERE resource_id = ?1", plan));

        // The export is its caller's: another EHR, or staff, finds nothing there.
        fhir(Tokens.forEhrClient("ehr-other")).get("/_export/" + job).then().statusCode(404);
        fhir(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).get("/_export/" + job + "/CarePlan").then().statusCode(404);

        // Revoked after the export ran: the next download leaves the patient out.
        EventRecords.send(EventRecords.of(consentChange(consent, consenting, ConsentStatus.REVOKED,
                Instant.now().plusSeconds(1))));
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/CarePlan/" + plan).statusCode() == 404);
        assertFalse(file(EHR_TOKEN, job, "CarePlan").stream().anyMatch(line -> line.contains(plan)));

        fhir(EHR_TOKEN).delete("/_export/" + job).then().statusCode(202);
        fhir(EHR_TOKEN).get("/_export/" + job).then().statusCode(404);
    }

    @Test
    void staffExportEverythingAndSinceKeepsOnlyWhatChanged() {
        String director = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
        String plan = activePlan(UUID.randomUUID());
        String everything = start(director, "CarePlan", null);
        awaitComplete(director, everything);
        assertTrue(file(director, everything, "CarePlan").stream().anyMatch(line -> line.contains(plan)));

        String later = start(director, "CarePlan", Instant.now().plusSeconds(3600).toString());
        awaitComplete(director, later);
        fhir(director).get("/_export/" + later).then().statusCode(200).body("output[0].count", equalTo(0));

        // A Group's export holds its members' records alone.
        UUID member = UUID.randomUUID();
        String membersPlan = activePlan(member);
        String group = start(director, "CarePlan", null, List.of(member));
        awaitComplete(director, group);
        List<String> membersPlans = file(director, group, "CarePlan");
        assertEquals(1, membersPlans.size(), () -> "the member's plan alone: " + membersPlans);
        assertTrue(membersPlans.get(0).contains(membersPlan));
        fhir(director).contentType("application/json").body("{\"patients\":[\"not-a-patient\"]}")
                .post("/_export/" + UUID.randomUUID()).then().statusCode(400);
        // Each part says which services the export was started in: the gateway misses one that lost its part.
        String told = UUID.randomUUID().toString();
        fhir(director).contentType("application/json").body("{\"parts\":[\"intake\",\"treatment-plan\"]}")
                .queryParam("request", "https://cairn.example/fhir/r4/Patient/$export").queryParam("_type", "Goal")
                .post("/_export/" + told).then().statusCode(202);
        assertEquals(List.of("intake", "treatment-plan"), awaitComplete(director, told).getList("parts"));
        fhir(director).contentType("application/json").body("{\"parts\":[\"../intake\"]}")
                .post("/_export/" + UUID.randomUUID()).then().statusCode(400);

        fhir(director).post("/_export/" + UUID.randomUUID() + "?_type=Appointment").then().statusCode(400)
                .body("issue.diagnostics", hasItem(containsString("Appointment")));
        fhir(director).post("/_export/" + UUID.randomUUID() + "?_since=yesterday").then().statusCode(400);
        // A type it does not export is never quietly left out; a time beyond the calendar is no 500.
        fhir(director).post("/_export/" + UUID.randomUUID() + "?_type=CarePlan,Encounter").then().statusCode(400)
                .body("issue.diagnostics", hasItem(containsString("Encounter")));
        fhir(director).queryParam("_since", "+300000-01-01T00:00:00Z").post("/_export/" + UUID.randomUUID()).then()
                .statusCode(400);
        fhir(Tokens.forRole(Roles.CLINICIAN)).post("/_export/" + UUID.randomUUID()).then().statusCode(403);

        // An export expires: its files are gone at once, and its rows are deleted by the next clean-up.
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "UPDATE bulk_export_job SET expires_at = now() - interval '1 second' WHERE id = ?1")
                .setParameter(1, UUID.fromString(everything)).executeUpdate());
        fhir(director).get("/_export/" + everything + "/CarePlan").then().statusCode(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                + "bulk_export_resource WHERE job_id = ?1", UUID.fromString(everything)) == 0);
    }

    @Test
    void aFileOfThousandsIsSentPageByPageEachRecordOnceInOrder() {
        String director = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
        UUID job = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("""
                    INSERT INTO bulk_export_job (id, caller, staff, request, types, status, requested_at, completed_at,
                                                 expires_at)
                    VALUES (?1, 'program-director-user', true, 'https://cairn.example/fhir/r4/Patient/$export', '{Goal}',
                            'complete', now(), now(), now() + interval '1 hour')""").setParameter(1, job)
                    .executeUpdate();
            entities.createNativeQuery("""
                    INSERT INTO bulk_export_resource (job_id, resource_type, resource_id, patient_id, category, resource)
                    SELECT ?1, 'Goal', 'goal-' || n, gen_random_uuid(), 'TREATMENT_PLANS',
                           '{"resourceType":"Goal","id":"goal-' || n || '"}'
                    FROM generate_series(1, 1234) AS n""").setParameter(1, job).executeUpdate();
        });
        List<String> lines = file(director, job.toString(), "Goal");
        assertEquals(1234, lines.size(), "every record, none twice, across pages");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("{\"resourceType\":\"Goal\",\"id\":\"goal-" + (i + 1) + "\"}", lines.get(i));
        }
    }

    @Test
    void aClientWithTwoExportsRunningIsToldToWait() {
        String busy = Tokens.forEhrClient("ehr-busy");
        // Two of its exports still running, and one lost with a restart long ago, which no longer counts.
        String name = "service-account-ehr-busy";
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                INSERT INTO bulk_export_job (id, caller, client_id, staff, request, status, requested_at, expires_at)
                SELECT gen_random_uuid(), ?1, 'ehr-busy', false, '', 'in-progress', now() - (n * interval '20 minutes'),
                       now() + interval '1 hour'
                FROM generate_series(0, 2) AS n""").setParameter(1, name).executeUpdate());
        fhir(busy).post("/_export/" + UUID.randomUUID()).then().statusCode(429)
                .body("issue.diagnostics", hasItem(containsString("2 exports running")));
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "DELETE FROM bulk_export_job WHERE caller = ?1 AND requested_at < now() - interval '10 minutes'")
                .setParameter(1, name).executeUpdate());
        start(busy, "CarePlan", null);
    }

    private static ConsentChanged consentChange(UUID consent, UUID patient, ConsentStatus status, Instant at) {
        return new ConsentChanged(consent, patient, EHR, ConsentPurpose.CARE_COORDINATION,
                List.of(RecordCategory.TREATMENT_PLANS), status, LocalDate.now().minusDays(1), null, at,
                status == ConsentStatus.REVOKED ? 2L : 1L);
    }
}
