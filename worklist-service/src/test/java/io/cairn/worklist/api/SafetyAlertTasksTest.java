package io.cairn.worklist.api;

import static io.cairn.worklist.api.Worklists.CLINICIAN;
import static io.cairn.worklist.api.Worklists.DIRECTOR;
import static io.cairn.worklist.api.Worklists.as;
import static io.cairn.worklist.api.Worklists.awaitTasks;
import static io.cairn.worklist.api.Worklists.checkInAlert;
import static io.cairn.worklist.api.Worklists.task;
import static io.cairn.worklist.api.Worklists.tasks;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.EventSchemas;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Roles;
import io.cairn.contracts.Topics;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.cairn.testkit.SmtpResource;
import io.cairn.worklist.domain.CareTask;
import io.cairn.worklist.domain.Escalations;
import io.cairn.worklist.notify.PageSender;
import io.cairn.testkit.Rows;
import jakarta.persistence.EntityManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A safety alert becomes an urgent task at once, pages on-call with no patient data, and escalates when unclaimed. */
@QuarkusTest
@QuarkusTestResource(SmtpResource.class)
class SafetyAlertTasksTest {

    @Inject
    Escalations escalations;

    @Inject
    PageSender pages;

    @Inject
    EntityManager entities;

    @Test
    void anAlertDeliveredTwiceOpensOneUrgentTaskAndOnePageWithNoPatientDataInIt() throws Exception {
        UUID patient = UUID.randomUUID();
        ProducerRecord<String, String> alert = checkInAlert(patient);

        EventRecords.send(alert, alert);

        Map<String, Object> task = awaitTasks(patient, "kind=safety-alert", 1).get(0);
        assertEquals("urgent", task.get("priority"));
        assertEquals("open", task.get("status"));
        assertEquals("clinician", task.get("role"));
        assertEquals("Safety alert: PHQ-9 item 9 (self harm thoughts) at a check-in", task.get("title"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> tasks(patient, "kind=safety-alert").size() == 1);

        MimeMessage page = awaitPage((String) task.get("id"));
        String text = page.getContent().toString();
        assertEquals("on-call@cairn.local", page.getAllRecipients()[0].toString());
        assertTrue(text.contains("http://localhost:8080/api/v1/tasks/" + task.get("id")), text);
        assertFalse(text.contains(patient.toString()), text);
        assertFalse(text.toLowerCase().contains("phq") || text.toLowerCase().contains("self"), text);
        assertEquals(1, pagesAbout((String) task.get("id")));
    }

    @Test
    void aClaimedAlertIsCompletedWithASafetyOutcomeOnly() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient));
        String id = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");
        String otherClinician = Tokens.forStaff("dr-okafor", Roles.CLINICIAN);

        as(CLINICIAN).body("{\"version\":0}").post("/tasks/" + id + "/claim").then().statusCode(200)
                .body("status", equalTo("claimed")).body("assignee", equalTo("clinician-user"));
        as(otherClinician).body("{}").post("/tasks/" + id + "/claim").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, as(CLINICIAN).get("/tasks?assignee=me&patientId=" + patient).jsonPath().getList("").size());
        assertEquals(0, as(otherClinician).get("/tasks?assignee=me&patientId=" + patient).jsonPath().getList("")
                .size());

        as(CLINICIAN).body("{\"outcome\":\"done\"}").post("/tasks/" + id + "/complete").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"))
                .body("violations[0].message", containsString("safety-plan-made"));
        as(CLINICIAN).body("{\"version\":0,\"outcome\":\"safety-plan-made\"}").post("/tasks/" + id + "/complete")
                .then().statusCode(409);
        as(CLINICIAN).body("{\"version\":1,\"outcome\":\"safety-plan-made\",\"note\":\"Reached by phone\"}")
                .post("/tasks/" + id + "/complete").then().statusCode(200).body("status", equalTo("completed"))
                .body("outcome", equalTo("safety-plan-made")).body("closedBy", equalTo("clinician-user"))
                .body("outcomeNote", equalTo("Reached by phone"));

        assertEquals(0, tasks(patient, "kind=safety-alert").size());
        assertEquals(1, tasks(patient, "kind=safety-alert&status=completed").size());
        as(CLINICIAN).body("{\"outcome\":\"not-reached\"}").post("/tasks/" + id + "/complete").then().statusCode(409);
    }

    @Test
    void anUnclaimedUrgentTaskEscalatesOnceToTheDirectorWithAnEventAndAPage() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID claimedPatient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient), checkInAlert(claimedPatient));
        String id = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");
        String claimed = (String) awaitTasks(claimedPatient, "kind=safety-alert", 1).get(0).get("id");
        as(CLINICIAN).body("{}").post("/tasks/" + claimed + "/claim").then().statusCode(200);
        Instant created = Instant.parse(task(id).getString("createdAt"));

        try (TopicWatch topic = TopicWatch.of(Topics.WORKLIST)) {
            assertTrue(escalations.escalateDue(created.plus(Duration.ofMinutes(14))).stream()
                    .noneMatch(t -> t.escalationOf.toString().equals(id)));
            List<CareTask> escalated = escalations.escalateDue(created.plus(Duration.ofMinutes(16)));
            assertTrue(escalated.stream().anyMatch(t -> t.escalationOf.toString().equals(id)));
            assertTrue(escalated.stream().noneMatch(t -> t.escalationOf.toString().equals(claimed)));
            assertTrue(escalations.escalateDue(created.plus(Duration.ofMinutes(60))).stream()
                    .noneMatch(t -> t.escalationOf.toString().equals(id)));

            List<Map<String, Object>> forDirector = as(DIRECTOR).get("/tasks?kind=escalation&role=program-director"
                    + "&patientId=" + patient).jsonPath().getList("");
            assertEquals(1, forDirector.size());
            assertEquals("urgent", forDirector.get(0).get("priority"));
            assertEquals(id, forDirector.get(0).get("escalationOf"));
            assertEquals("/api/v1/tasks/" + id, forDirector.get(0).get("about"));
            task(id).getString("escalatedAt");
            // As FHIR, the escalation's focus is the task it is about, which comes along when asked.
            io.cairn.testkit.FhirRequests.fhir(DIRECTOR).queryParam("patient", patient.toString())
                    .queryParam("_id", forDirector.get(0).get("id").toString()).queryParam("_include", "Task:focus")
                    .get("/Task").then().statusCode(200).body("total", equalTo(1))
                    .body("entry.search.mode", org.hamcrest.Matchers.contains("match", "include"))
                    .body("entry[1].resource.id", equalTo(id));

            ConsumerRecord<String, String> event = topic.awaitRecords(TopicWatch.keyed(patient), 1,
                    Duration.ofSeconds(15)).get(0);
            JsonNode data = EventRecords.data(event);
            assertEquals("worklist.task.escalated", EventRecords.type(event));
            assertEquals(List.of(), EventSchemas.instance().violations(EventType.TASK_ESCALATED, data));
            assertEquals(id, data.get("taskId").asText());
            assertEquals("safety-alert", data.get("kind").asText());
            assertTrue(topic.records(TopicWatch.keyed(claimedPatient)).isEmpty());
            awaitPage(forDirector.get(0).get("id").toString());
        }
    }

    @Test
    void aPageTheMailServerCouldNotTakeIsSentWhenItIsBack() {
        UUID patient = UUID.randomUUID();
        // Other tests' pages go first; they are sent before the outage so that only this one waits through it.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            pages.sendPending();
            return Rows.count(entities, "SELECT count(*) FROM task_notification WHERE sent_at IS NULL") == 0;
        });
        SmtpResource.outage();
        String id;
        try {
            EventRecords.send(checkInAlert(patient));
            id = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                    + "task_notification WHERE task_id = ?1 AND sent_at IS NULL AND attempts > 0", UUID.fromString(id)) == 1);
        } finally {
            SmtpResource.restart();
        }

        // Nobody calls the sender: its schedule (every second in tests) finds the page and sends it, once.
        awaitPage(id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> pagesAbout(id) == 1);
        assertEquals(0L, Rows.count(entities, "SELECT count(*) FROM task_notification WHERE task_id = ?1 AND "
                + "sent_at IS NULL", UUID.fromString(id)));
    }

    @Test
    void nobodyButStaffSeesTheWorklist() {
        UUID patient = UUID.randomUUID();
        EventRecords.send(checkInAlert(patient));
        String id = (String) awaitTasks(patient, "kind=safety-alert", 1).get(0).get("id");

        for (String outsider : List.of(Tokens.forPatient(patient), Tokens.forEhrClient("ehr-northside"))) {
            as(outsider).get("/tasks?patientId=" + patient).then().statusCode(403)
                    .contentType("application/problem+json");
            as(outsider).get("/tasks/" + id).then().statusCode(403);
            as(outsider).body("{}").post("/tasks/" + id + "/claim").then().statusCode(403);
        }
        io.restassured.RestAssured.given().get("/api/v1/tasks").then().statusCode(401);
    }

    private static MimeMessage awaitPage(String taskId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pagesAbout(taskId) >= 1);
        return SmtpResource.received().stream().filter(m -> body(m).contains(taskId)).findFirst().orElseThrow();
    }

    private static long pagesAbout(String taskId) {
        return SmtpResource.received().stream().filter(m -> body(m).contains(taskId)).count();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
