package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.as;
import static io.cairn.systemtests.Platform.tokenOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.fhir.validation.NotificationReceiver;
import io.cairn.fhir.validation.NotificationReceiver.Received;
import io.restassured.specification.RequestSpecification;
import io.cairn.systemtests.faults.Databases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An EHR that does not poll: through the gateway, with Keycloak's token, it subscribes to a patient's journey and its
 * endpoint, a real HTTP server on loopback, is told of each step by signed POSTs, within seconds. Its endpoint down for
 * a minute loses nothing; a patient whose consent does not name it never appears, not even by id; a revocation tells
 * it so, and stops what would have followed. A full-resource subscription gets the plan, the encounter or the
 * aftercare episode itself, which intake reads with its own service account from the service that keeps it.
 */
class SubscriptionsIT {

    static final String FHIR_JSON = "application/fhir+json";
    static final String SECRET = "demo-ehr-signing-secret-5f2c9a7e41d8b036";
    static final String TOPICS = "https://cairn.io/fhir/SubscriptionTopic/";
    static final Duration PROMPTLY = Duration.ofSeconds(20);

    final String ehr = Platform.ehrToken();
    final String coordinator = tokenOf("coordinator", "coordinator");
    final String clinician = tokenOf("clinician", "clinician");
    final String scheduler = tokenOf("scheduler", "scheduler");

    @Test
    void anEhrFollowsItsPatientsJourneyByNotificationAndLosesNothingWhileItsEndpointIsDown() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC));
        UUID patient = Journey.register(coordinator, "Notified-" + unique);
        UUID stranger = Journey.register(coordinator, "Unconsented-" + unique);
        Journey.consentToTheDemoEhr(coordinator, patient);
        String consent = as(coordinator).queryParam("patientId", patient).get("/consents").jsonPath()
                .getString("[0].id");

        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            Map<String, String> subscriptions = new java.util.LinkedHashMap<>();
            for (String topic : List.of("patient-admitted", "patient-graduated", "consent-revoked")) {
                subscriptions.put(topic, subscribe(topic, patient, endpoint.url(), "id-only"));
            }
            // These carry the record itself, read by intake from the service that keeps it.
            for (String topic : List.of("plan-approved", "attendance-recorded", "aftercare-referral-opened")) {
                subscriptions.put(topic, subscribe(topic, patient, endpoint.url(), "full-resource"));
            }
            subscriptions.put("stranger-admitted", subscribe("patient-admitted", stranger, endpoint.url(), "id-only"));
            endpoint.await(r -> "handshake".equals(r.type()), 7, PROMPTLY);
            fhir(ehr).get("/Subscription/" + subscriptions.get("plan-approved")).then().statusCode(200)
                    .body("status", equalTo("active"));

            // Admitted: the consenting patient's admission is told; the other's, with no consent for the EHR, is not.
            String referral = admit(patient);
            String strangersReferral = admit(stranger);
            Received admitted = endpoint.await(r -> r.focus().endsWith("/ServiceRequest/" + referral), 1, PROMPTLY)
                    .get(0);
            FhirValidation.assertValidR4Base(admitted.bundle().toString());
            // The focus is read back through the gateway, as the notification says.
            fhir(ehr).get("/ServiceRequest/" + referral).then().statusCode(200);

            String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient);
            String patientToken = Platform.patientToken(patient);
            Journey.agreeAndApprove(clinician, patientToken, plan);
            Received approved = endpoint.await(r -> r.focus().endsWith("/CarePlan/" + plan), 1, PROMPTLY).get(0);
            FhirValidation.assertValidR4Base(approved.bundle().toString());
            JsonNode carePlan = approved.bundle().path("entry").path(1).path("resource");
            assertEquals("CarePlan", carePlan.path("resourceType").asText(), "full-resource: the plan itself");
            assertEquals(plan, carePlan.path("id").asText());
            assertEquals("active", carePlan.path("status").asText());
            assertEquals("Patient/" + patient, carePlan.path("subject").path("reference").asText());
            List<String> sessions = Journey.awaitEnrollment(scheduler, patientToken, patient);

            // The endpoint goes away for a minute while the patient attends twice and graduates.
            endpoint.down();
            Journey.attend(clinician, sessions.get(0), patient, "present");
            Journey.attend(clinician, sessions.get(1), patient, "absent");
            as(clinician).body("{\"overrideReason\":\"Subscriptions: goals met early\"}")
                    .post("/treatment-plans/" + plan + "/graduate").then().statusCode(200);
            // A minute of outage, during which intake keeps trying what waits for the endpoint.
            Instant wentDown = Instant.now();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(wentDown.plusSeconds(60)) && Databases.count("intake",
                            "SELECT count(*) FROM subscription_notification WHERE status = 'PENDING' AND attempts > 0") > 0);
            endpoint.up();

            // Nothing was lost: each arrives once the endpoint is back (after at most the longest wait between tries).
            Duration afterOutage = Duration.ofSeconds(90);
            List<Received> attendance = endpoint.await(
                    r -> topicOf(r).equals("attendance-recorded") && "event-notification".equals(r.type()), 2,
                    afterOutage);
            assertEquals(List.of(1L, 2L), attendance.stream().map(Received::eventNumber).toList(),
                    "the patient's attendance, in the order recorded");
            JsonNode encounter = attendance.get(0).bundle().path("entry").path(1).path("resource");
            assertEquals("Encounter", encounter.path("resourceType").asText(), "the session attended, in full");
            assertEquals("finished", encounter.path("status").asText());
            assertEquals("Patient/" + patient, encounter.path("subject").path("reference").asText());
            // A missed session has no encounter: the patient is named, and not shown under an attendance consent.
            assertTrue(attendance.get(1).focus().endsWith("/Patient/" + patient));
            assertTrue(attendance.get(1).bundle().path("entry").path(1).path("resource").isMissingNode());
            attendance.forEach(r -> FhirValidation.assertValidR4Base(r.bundle().toString()));
            endpoint.await(r -> r.focus().endsWith("/CarePlan/" + plan) && topicOf(r).equals("patient-graduated"), 1,
                    afterOutage);
            JsonNode episode = endpoint.await(r -> topicOf(r).equals("aftercare-referral-opened")
                    && r.focus().contains("/EpisodeOfCare/"), 1, afterOutage).get(0).bundle().path("entry").path(1)
                    .path("resource");
            assertEquals("EpisodeOfCare", episode.path("resourceType").asText());
            assertEquals("Patient/" + patient, episode.path("patient").path("reference").asText());
            for (Received notification : endpoint.received()) {
                assertTrue(notification.signed(), "every POST carries a valid Cairn-Signature");
            }
            assertEquals(List.of(), endpoint.matching(r -> r.focus().contains(strangersReferral)),
                    "a patient without consent never appears, not even by id");

            // The patient revokes: the EHR is told, and their next admission is not.
            as(coordinator).body("{\"reason\":\"patient withdrew consent in writing\"}")
                    .post("/consents/" + consent + "/revoke").then().statusCode(200);
            endpoint.await(r -> r.focus().endsWith("/Consent/" + consent), 1, PROMPTLY);
            String readmission = admit(patient);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> endpoint.matching(r -> r.focus().contains(readmission)).isEmpty());

            // Each notification is in the patient's accounting of disclosures, by intake, to the EHR.
            as(coordinator).get("/patients/" + patient + "/disclosures").then().statusCode(200)
                    .body("findAll { it.service == 'intake' }.resourceId", hasItem(referral))
                    .body("findAll { it.service == 'intake' }.resourceId", hasItem(plan));
            for (String id : new ArrayList<>(subscriptions.values())) {
                fhir(ehr).delete("/Subscription/" + id).then().statusCode(204);
            }
        }
    }

    private static String topicOf(Received notification) {
        for (var parameter : notification.bundle().path("entry").path(0).path("resource").path("parameter")) {
            if ("topic".equals(parameter.path("name").asText())) {
                return parameter.path("valueCanonical").asText().replace(TOPICS, "");
            }
        }
        return "";
    }

    private String subscribe(String topic, UUID patient, String endpoint, String content) {
        return fhir(ehr)
                .body("""
                        {"resourceType":"Subscription","status":"requested","reason":"The demo EHR follows its patients",
                         "extension":[{"url":"https://cairn.io/fhir/StructureDefinition/subscription-secret","valueString":"%s"}],
                         "criteria":"%s%s",
                         "_criteria":{"extension":[{"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria",
                           "valueString":"patient=Patient/%s"}]},
                         "channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json",
                          "_payload":{"extension":[{"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content",
                            "valueCode":"%s"}]}}}"""
                        .formatted(SECRET, TOPICS, topic, patient, endpoint, content))
                .post("/Subscription").then().statusCode(201).extract().path("id");
    }

    private String admit(UUID patient) {
        String referral = as(coordinator).body("""
                {"patientId":"%s","source":"self","reason":"Wants to stop drinking","urgency":"routine"}"""
                .formatted(patient)).post("/referrals").then().statusCode(201).extract().path("id");
        for (String step : List.of("screening", "assessment-scheduled", "admitted")) {
            as(coordinator).body("{\"to\":\"" + step + "\"}").post("/referrals/" + referral + "/transitions").then()
                    .statusCode(200);
        }
        return referral;
    }

    private static RequestSpecification fhir(String token) {
        return given().baseUri(Platform.GATEWAY).basePath("/fhir/r4").auth().oauth2(token).contentType(FHIR_JSON)
                .accept(FHIR_JSON);
    }

}
