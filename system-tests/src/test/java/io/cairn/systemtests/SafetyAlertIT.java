package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.fhir.validation.FhirValidation;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clinical loop through the gateway with Keycloak's tokens: a patient reports thoughts of self-harm in their own
 * aftercare check-in; within seconds the clinicians' worklist shows an urgent task; nobody claims it, so it escalates
 * to the program director; the on-call mailbox received a page for each, with no patient data in it. The platform runs
 * with the escalation after 20 s (bin/system-tests sets WORKLIST_ESCALATE_AFTER), the clinic's default being 15 min.
 */
class SafetyAlertIT {

    static final String IMAP_HOST = System.getProperty("cairn.imap", "localhost");
    static final int IMAP_PORT = Integer.getInteger("cairn.imap.port", 3143);

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String caseManager = tokenOf("case-manager", "case-manager");
    final String director = tokenOf("director", "director");

    @Test
    void aPatientsCheckInWithThoughtsOfSelfHarmReachesAClinicianThenTheDirectorAndPagesOnCallWithoutPhi()
            throws Exception {
        String familyName = "Alert-" + UUID.randomUUID().toString().substring(0, 8);
        UUID patient = UUID.fromString(as(coordinator).body("""
                {"givenName":"Robin","familyName":"%s","birthDate":"1990-04-12","sex":"female","ageGroup":"adult",
                 "preferredSchedule":"evening","identifiers":[{"system":"urn:cairn:safety","value":"%s"}]}"""
                .formatted(familyName, familyName)).post("/patients").then().statusCode(201).extract().path("id"));
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        String patientToken = Platform.patientToken(patient);
        Journey.agreeAndApprove(clinician, patientToken, plan);
        as(clinician).body("{\"overrideReason\":\"Safety loop test: goals met early\"}")
                .post("/treatment-plans/" + plan + "/graduate").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(caseManager).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);
        String referral = as(caseManager).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath()
                .getString("[0].id");
        String checkIn = as(caseManager).get("/aftercare-referrals/" + referral + "/check-ins").jsonPath()
                .getString("[0].id");

        // The patient, from the app: PHQ-9 item 9 answered "several days".
        as(patientToken).body("""
                {"reached":true,"relapse":false,"useSinceLast":false,
                 "phq9Answers":{"1":1,"2":2,"3":1,"4":1,"5":0,"6":1,"7":0,"8":0,"9":1}}""")
                .post("/check-ins/" + checkIn + "/outcome").then().statusCode(200).body("safetyAlert", equalTo(true));

        String alerts = "/tasks?kind=safety-alert&patientId=" + patient;
        await().atMost(Duration.ofSeconds(15)).until(() -> as(clinician).get("/tasks?kind=safety-alert&patientId="
                + patient).jsonPath().getList("").size() == 1);
        JsonPath task = as(clinician).get("/tasks?kind=safety-alert&role=clinician&patientId=" + patient).jsonPath();
        String taskId = task.getString("[0].id");
        assertEquals("urgent", task.getString("[0].priority"));
        assertEquals("open", task.getString("[0].status"));
        // The worklist is for staff: the patient and an EHR client see none of it.
        as(patientToken).get("/tasks?patientId=" + patient).then().statusCode(403);
        as(Platform.ehrToken()).get("/tasks/" + taskId).then().statusCode(403);

        // A staff FHIR client finds it among the patient's Tasks, next to the aftercare follow-up; an EHR whose
        // consent does not name it finds neither.
        String tasks = EhrFhirJourneyIT.fhir(clinician).queryParam("patient", "Patient/" + patient)
                .queryParam("_count", 100).get("/Task").then().statusCode(200)
                .body("entry.resource.focus.reference", hasItem(startsWith("EpisodeOfCare/")))
                .body("entry.resource.id", hasItem(taskId)).extract().asString();
        FhirValidation.assertValid(tasks);
        JsonPath bundle = JsonPath.from(tasks);
        assertEquals("ready", bundle.getString("entry.resource.find { it.id == '" + taskId + "' }.status"));
        assertEquals("urgent", bundle.getString("entry.resource.find { it.id == '" + taskId + "' }.priority"));
        EhrFhirJourneyIT.fhir(Platform.ehrToken()).queryParam("patient", "Patient/" + patient).get("/Task").then()
                .statusCode(404);
        EhrFhirJourneyIT.fhir(Platform.ehrToken()).get("/Task/" + taskId).then().statusCode(404);

        // Nobody claims it: it escalates to the program director.
        await().atMost(Duration.ofSeconds(90)).until(() -> as(director).get("/tasks?kind=escalation&patientId="
                + patient).jsonPath().getList("").size() == 1);
        JsonPath escalation = as(director).get("/tasks?kind=escalation&patientId=" + patient).jsonPath();
        assertEquals(taskId, escalation.getString("[0].escalationOf"));
        assertEquals("program-director", escalation.getString("[0].role"));
        String escalationId = escalation.getString("[0].id");

        // On-call was paged for both, by links only: no name, no answer, no finding.
        await().atMost(Duration.ofSeconds(60)).until(() -> pagesAbout(taskId).size() == 1
                && pagesAbout(escalationId).size() == 1);
        List<String> pages = new ArrayList<>(pagesAbout(taskId));
        pages.addAll(pagesAbout(escalationId));
        for (String page : pages) {
            for (String phi : List.of(familyName, "Robin", patient.toString(), "PHQ", "self-harm", "self harm",
                    "Several days", "better off dead")) {
                assertFalse(page.contains(phi), "the page names " + phi + ": " + page);
            }
        }
        assertTrue(pages.get(0).contains("/api/v1/tasks/" + taskId), pages.get(0));

        // The clinician acts: claims, reaches the patient, records the outcome.
        as(clinician).body("{}").post("/tasks/" + taskId + "/claim").then().statusCode(200);
        as(clinician).body("{\"outcome\":\"safety-plan-made\",\"note\":\"Reached by phone; safety plan reviewed\"}")
                .post("/tasks/" + taskId + "/complete").then().statusCode(200).body("status", equalTo("completed"));
        assertTrue(as(clinician).get(alerts).jsonPath().getList("").isEmpty());
        EhrFhirJourneyIT.fhir(clinician).get("/Task/" + taskId).then().statusCode(200)
                .body("status", equalTo("completed")).body("businessStatus.coding[0].code",
                        equalTo("safety-plan-made"));
    }

    /** The bodies of the on-call mailbox's messages that link to the task. */
    static List<String> pagesAbout(String taskId) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", IMAP_HOST);
        properties.put("mail.imap.port", String.valueOf(IMAP_PORT));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(IMAP_HOST, IMAP_PORT, "on-call", "on-call");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> pages = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String body = message.getSubject() + "\n" + message.getContent();
                if (body.contains(taskId)) {
                    pages.add(body);
                }
            }
            inbox.close(false);
            return pages;
        } finally {
            store.close();
        }
    }
}
