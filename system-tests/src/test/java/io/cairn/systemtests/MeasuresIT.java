package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measurement-based care through the gateway with Keycloak's tokens: a patient in the program answers weekly PHQ-9s
 * from their own token; the third is six points above the assessment's 12, and a clinician's task appears on the
 * worklist. Nobody else's token reaches the patient's measures. A session booked for the patient is announced by
 * scheduling, and intake's reminder reaches the local stack's mail server carrying no health information.
 */
class MeasuresIT {

    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");

    @Test
    void aPatientsWeeklyPhq9sShowAReliableWorseningAndAClinicianIsGivenTheTask() throws Exception {
        String familyName = "Measures-" + UUID.randomUUID().toString().substring(0, 8);
        String email = familyName.toLowerCase() + "@example.org";
        UUID patient = UUID.fromString(as(coordinator).body("""
                {"givenName":"Avery","familyName":"%s","birthDate":"1986-05-17","sex":"female","ageGroup":"adult",
                 "preferredSchedule":"evening","email":"%s"}""".formatted(familyName, email)).post("/patients")
                .then().statusCode(201).extract().path("id"));
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient); // PHQ-9 12 at assessment
        String patientToken = Platform.patientToken(patient);
        Journey.agreeAndApprove(clinician, patientToken, plan);
        String measures = "/patients/" + patient + "/measures";

        as(patientToken).get(measures + "/due").then().statusCode(200);
        for (String answers : new String[] { "1,2,2,2,1,1,1,0,0", "2,2,2,2,2,1,1,1,0", "2,2,3,2,2,2,2,3,0" }) {
            String[] items = answers.split(",");
            StringBuilder body = new StringBuilder("{\"instrument\":\"PHQ-9\",\"answers\":{");
            for (int i = 0; i < items.length; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(i + 1).append("\":").append(items[i]);
            }
            as(patientToken).body(body.append("}}").toString()).post(measures).then().statusCode(201);
        }

        JsonPath series = as(patientToken).get(measures).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(12, 10, 13, 18), series.getList("find { it.instrument == 'PHQ-9' }.measures.score"));
        assertEquals(6, series.getInt("find { it.instrument == 'PHQ-9' }.change"));
        assertEquals("worse", series.getString("find { it.instrument == 'PHQ-9' }.reliableChange"));

        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).get("/tasks?kind=measure-worsened&patientId="
                + patient).jsonPath().getList("").size() == 1);
        as(clinician).get("/tasks?kind=measure-worsened&patientId=" + patient).then()
                .body("title", contains("PHQ-9 re-screen reliably worse since the program began"))
                .body("[0].about", equalTo("/api/v1" + measures)).body("[0].priority", equalTo("high"));

        // Another patient, and an EHR the patient gave no consent to, find nothing there.
        as(Platform.patientToken(UUID.randomUUID())).get(measures).then().statusCode(404);
        as(Platform.ehrToken()).get(measures).then().statusCode(404);

        // In FHIR, the gateway searches intake's assessment and treatment-plan's re-screens as one series: the
        // baseline, then each re-screen, oldest first, the last interpreted as reliably worse (W).
        JsonPath observations = JsonPath.from(given().baseUri(Platform.GATEWAY).auth().oauth2(clinician)
                .accept("application/fhir+json").queryParam("patient", patient.toString())
                .queryParam("code", "http://loinc.org|44261-6").queryParam("_sort", "_lastUpdated")
                .get("/fhir/r4/Observation").then().statusCode(200).extract().asString());
        assertEquals(List.of(12, 10, 13, 18), observations.getList("entry.resource.valueInteger"));
        assertEquals(List.of("W"), observations.getList("entry[3].resource.interpretation.coding.flatten().code")
                .stream().filter(java.util.Objects::nonNull).toList());
        String lastReScreen = observations.getString("entry[3].resource.id");
        // With the patient included: the merged matches of both services, then the patient once.
        JsonPath included = JsonPath.from(given().baseUri(Platform.GATEWAY).auth().oauth2(clinician)
                .accept("application/fhir+json").queryParam("patient", patient.toString())
                .queryParam("code", "44261-6").queryParam("_include", "Observation:patient")
                .get("/fhir/r4/Observation").then().statusCode(200).extract().asString());
        assertEquals(4, included.getInt("total"));
        assertEquals(List.of("Observation", "Observation", "Observation", "Observation", "Patient"),
                included.getList("entry.resource.resourceType"));
        assertEquals(patient.toString(), included.getString("entry[4].resource.id"));
        given().baseUri(Platform.GATEWAY).auth().oauth2(patientToken).accept("application/fhir+json")
                .get("/fhir/r4/QuestionnaireResponse/" + lastReScreen).then().statusCode(200)
                .body("item[8].answer[0].valueInteger", equalTo(0));
        given().baseUri(Platform.GATEWAY).auth().oauth2(Platform.ehrToken()).accept("application/fhir+json")
                .get("/fhir/r4/Observation/" + lastReScreen).then().statusCode(404);

        // An individual session in two hours: the patient is reminded by e-mail, their channel by default.
        as(patientToken).get("/patients/" + patient + "/reminder-preferences").then().statusCode(200)
                .body("channel", equalTo("email"));
        // The first hour free of the patient's track sessions (an overlapping booking is a 409).
        int status = 0;
        Instant startsAt = null;
        for (int hours = 2; status != 201 && hours < 12; hours++) {
            startsAt = Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
            status = as(scheduler).body("""
                    {"kind":"individual","title":"Individual counseling: relapse prevention",
                     "facilitatorId":"clinician-%s","capacity":1,"location":"Room 3","startsAt":"%s","endsAt":"%s",
                     "patientIds":["%s"]}""".formatted(patient, startsAt, startsAt.plus(Duration.ofMinutes(30)),
                    patient)).post("/sessions").statusCode();
        }
        assertEquals(201, status);
        // The local stack's clinic is on UTC; the track's sessions of the next day are reminded too.
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH)
                .format(startsAt.atZone(ZoneOffset.UTC));
        await().atMost(Journey.EVENTUAL).until(() -> mailbox(email).stream()
                .anyMatch(mail -> mail.contains("You have an appointment on " + when + ".")));
        for (String reminder : mailbox(email)) {
            for (String health : List.of(familyName, "Avery", "counseling", "relapse", "Room 3", "program", "PHQ")) {
                assertFalse(reminder.toLowerCase().contains(health.toLowerCase()), "the reminder says " + health);
            }
        }
    }

    /** The subject and text of each message in a mailbox of the local stack's mail server (IMAP). */
    static List<String> mailbox(String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", SafetyAlertIT.IMAP_HOST);
        properties.put("mail.imap.port", String.valueOf(SafetyAlertIT.IMAP_PORT));
        Store store = Session.getInstance(properties).getStore("imap");
        try {
            // The mail server makes a mailbox for each address it receives mail for, its password the address.
            store.connect(SafetyAlertIT.IMAP_HOST, SafetyAlertIT.IMAP_PORT, address, address);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // nothing received yet
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> messages = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                messages.add(message.getSubject() + "\n" + message.getContent());
            }
            inbox.close(false);
            return messages;
        } finally {
            store.close();
        }
    }
}
