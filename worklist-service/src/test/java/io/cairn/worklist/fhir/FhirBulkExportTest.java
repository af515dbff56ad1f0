package io.cairn.worklist.fhir;

import static io.cairn.testkit.BulkExportRequests.awaitComplete;
import static io.cairn.testkit.BulkExportRequests.file;
import static io.cairn.testkit.BulkExportRequests.start;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.cairn.worklist.api.Worklists.awaitTasks;
import static io.cairn.worklist.api.Worklists.checkInAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worklist's part of a Bulk Data export: its tasks go to staff alone; an EHR's export holds none of them. */
@QuarkusTest
@QuarkusTestResource(SmtpResource.class)
class FhirBulkExportTest {

    @Test
    void staffExportTheWorklistAndAnEhrGetsNoneOfIt() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient));
        String task = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");

        String director = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
        String job = start(director, "Task", null);
        assertEquals(List.of("Task"), awaitComplete(director, job).getList("output.type"));
        List<String> tasks = file(director, job, "Task");
        tasks.forEach(FhirValidation::assertValid);
        assertTrue(tasks.stream().anyMatch(line -> line.contains("\"id\":\"" + task + "\"")));

        String ehrs = start(EHR_TOKEN, "Task", null);
        assertEquals(List.of(), awaitComplete(EHR_TOKEN, ehrs).getList("output"), "the care team's work is not an EHR's");
        fhir(EHR_TOKEN).get("/_export/" + ehrs + "/Task").then().statusCode(404);
    }
}
