package io.cairn.scheduling.fhir;

import static io.cairn.scheduling.api.AttendanceTest.attend;
import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.today;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An EHR sees its patient's sessions as Appointments, attendance as fulfilled or noshow, while consent lasts. */
@QuarkusTest
class FhirAppointmentTest {

    @Test
    void attendanceShowsAsFulfilledOrNoShowAndAFutureSessionAsBooked() {
        UUID patient = UUID.randomUUID();
        String attended = session("facilitator-" + UUID.randomUUID(), today().minusDays(8), "18:00", "21:00", 10);
        String missed = session("facilitator-" + UUID.randomUUID(), today().minusDays(6), "18:00", "21:00", 10);
        String coming = session("facilitator-" + UUID.randomUUID(), today().plusDays(2), "18:00", "21:00", 10);
        book(attended, patient).statusCode(201);
        book(missed, patient).statusCode(201);
        book(coming, patient).statusCode(201);
        attend(attended, patient, "present", 180);
        attend(missed, patient, "absent", 0);

        FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patient).get("/Appointment")
                .then().statusCode(404).contentType(FHIR_JSON).extract().asString());

        consentToEhr(patient, RecordCategory.ATTENDANCE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).queryParam("patient", patient)
                .get("/Appointment").statusCode() == 200);

        String bundle = FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patient)
                .get("/Appointment").then().statusCode(200).contentType(FHIR_JSON)
                .body("total", equalTo(3))
                .body("entry.resource.status", contains("fulfilled", "noshow", "booked"))
                .body("entry[0].resource.participant[0].actor.reference", equalTo("Patient/" + patient))
                .body("entry[0].resource.minutesDuration", equalTo(180))
                .body("entry[0].resource.meta.security.code", hasItem("ETH"))
                .extract().asString());
        String first = JsonPath.from(bundle).getString("entry[0].resource.id");
        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/Appointment/" + first).then().statusCode(200)
                .body("status", equalTo("fulfilled"))
                .body("serviceType[0].text", equalTo("Group session: Psychoeducation"))
                .extract().asString());

        // Only the session the patient came to is an encounter, and it points at its appointment.
        String encounters = FhirValidation.assertValid(fhir(EHR_TOKEN).queryParam("patient", "Patient/" + patient)
                .get("/Encounter").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.status", equalTo("finished"))
                .body("entry[0].resource.class.code", equalTo("AMB"))
                .body("entry[0].resource.length.value", equalTo(180))
                .body("entry[0].resource.appointment[0].reference", equalTo("Appointment/" + first))
                .extract().asString());
        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/Encounter/"
                + JsonPath.from(encounters).getString("entry[0].resource.id")).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void anEncounterBringsItsAppointmentAndAnAttendanceMovesTheAppointmentsLastUpdated() {
        UUID patient = UUID.randomUUID();
        String attended = session("facilitator-" + UUID.randomUUID(), today().minusDays(3), "18:00", "21:00", 10);
        String coming = session("facilitator-" + UUID.randomUUID(), today().plusDays(3), "18:00", "21:00", 10);
        book(attended, patient).statusCode(201);
        book(coming, patient).statusCode(201);
        String booked = JsonPath.from(fhir(SCHEDULER).queryParam("patient", patient.toString())
                .queryParam("_sort", "_lastUpdated").get("/Appointment").then().statusCode(200)
                .body("total", equalTo(2)).extract().asString()).getString("entry[1].resource.meta.lastUpdated");

        attend(attended, patient, "present", 180);
        // The attendance is the one change since both were booked.
        String changed = FhirValidation.assertValid(fhir(SCHEDULER).queryParam("patient", patient.toString())
                .queryParam("_lastUpdated", "gt" + booked).get("/Appointment").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.status", equalTo("fulfilled"))
                .extract().asString());
        String appointment = JsonPath.from(changed).getString("entry[0].resource.id");

        FhirValidation.assertValid(fhir(SCHEDULER).queryParam("patient", patient.toString())
                .queryParam("_include", "Encounter:appointment").get("/Encounter").then().statusCode(200)
                .body("total", equalTo(1)).body("entry.search.mode", contains("match", "include"))
                .body("entry[1].resource.id", equalTo(appointment)).extract().asString());
        FhirValidation.assertValid(fhir(SCHEDULER).queryParam("patient", patient.toString())
                .queryParam("_revinclude", "Encounter:appointment").queryParam("_sort", "-_lastUpdated")
                .get("/Appointment").then().statusCode(200).body("total", equalTo(2))
                .body("entry.search.mode", contains("match", "match", "include"))
                .body("entry[0].resource.id", equalTo(appointment))
                .body("entry[2].resource.resourceType", equalTo("Encounter")).extract().asString());
        fhir(SCHEDULER).queryParam("patient", patient.toString()).queryParam("_include", "Encounter:subject")
                .get("/Encounter").then().statusCode(400).contentType(FHIR_JSON);
    }

    /** Intake's service account reads the encounter a full-resource notification carries, and nothing else. */
    @Test
    void intakesSubscriptionSenderReadsAnEncounterByIdAndNothingElse() {
        UUID patient = UUID.randomUUID();
        String attended = session("facilitator-" + UUID.randomUUID(), today().minusDays(2), "18:00", "21:00", 10);
        book(attended, patient).statusCode(201);
        attend(attended, patient, "present", 180);
        String encounter = fhir(SCHEDULER).queryParam("patient", patient.toString()).get("/Encounter").then()
                .statusCode(200).body("total", equalTo(1)).extract().path("entry[0].resource.id");
        String sender = Tokens.forRole(Roles.SUBSCRIPTION_SENDER);

        FhirValidation.assertValid(fhir(sender).get("/Encounter/" + encounter).then().statusCode(200)
                .body("id", equalTo(encounter)).body("subject.reference", equalTo("Patient/" + patient))
                .extract().asString());
        fhir(sender).queryParam("patient", patient.toString()).get("/Encounter").then().statusCode(403);
        fhir(sender).queryParam("patient", patient.toString()).get("/Appointment").then().statusCode(403);
        fhir(sender).get("/Group").then().statusCode(403);
    }

    @Test
    void aSearchMustNameThePatientAndAnUnknownIdIsNotFound() {
        FhirValidation.assertValid(fhir(SCHEDULER).get("/Appointment").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("patient")).extract().asString());
        fhir(SCHEDULER).get("/Appointment/" + UUID.randomUUID()).then().statusCode(404).contentType(FHIR_JSON);
        FhirValidation.assertValid(given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200)
                .body("rest[0].resource.type", contains("Appointment", "AuditEvent", "Encounter", "Group")).extract()
                .asString());
        fhir(SCHEDULER).get("/Encounter/" + UUID.randomUUID()).then().statusCode(404).contentType(FHIR_JSON);
    }
}
