package io.cairn.intake.fhir;

import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.as;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.EventRecords;
import io.cairn.fhir.validation.NotificationReceiver;
import io.cairn.fhir.validation.NotificationReceiver.Received;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FHIR Subscriptions (Backport IG, rest-hook) to a real HTTP endpoint on loopback: a client is told, by signed POSTs,
 * only about patients whose Part 2 consent names it for the topic's category; what the endpoint refuses is sent again,
 * in order; a revocation withdraws what waits; an endpoint that never answers puts its own subscription in error and
 * holds up no other.
 */
@QuarkusTest
class FhirSubscriptionTest {

    /** A client of its own, so that no other test's consents reach its subscriptions. */
    static final String CLIENT = "ehr-subscriber";
    static final String CLIENT_TOKEN = Tokens.forEhrClient(CLIENT);
    static final String SECRET = "northside-signing-secret-0123456789abcdef";
    static final String TOPICS = "https://cairn.io/fhir/SubscriptionTopic/";

    @Inject
    EntityManager entities;

    @Test
    void aClientIsToldOfAdmissionsOnlyForPatientsWhoseConsentReleasesThemAndEachIsADisclosure() {
        UUID consenting = registerPatient();
        UUID otherCategory = registerPatient();
        UUID withoutConsent = registerPatient();
        giveConsent(consenting, CLIENT, "\"assessments\"");
        // An admission is told under assessments (a referral is clinical): demographics does not release it.
        giveConsent(otherCategory, CLIENT, "\"demographics\",\"treatment-plans\"");
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String created = fhir(CLIENT_TOKEN).contentType(FHIR_JSON)
                    .body(subscription("patient-admitted", endpoint.url(), "", "id-only"))
                    .post("/Subscription").then().statusCode(201).contentType(FHIR_JSON)
                    .header("Location", org.hamcrest.Matchers.containsString("/fhir/r4/Subscription/"))
                    .body("status", equalTo("requested"))
                    .body("criteria", equalTo(TOPICS + "patient-admitted"))
                    // Headers are the endpoint's credentials: named, never shown.
                    .body("channel.header", hasItem("Authorization: ***"))
                    // The secret signs; it is never shown again.
                    .body("extension", nullValue())
                    .extract().asString();
            FhirValidation.assertValidR4Base(created);
            String id = io.restassured.path.json.JsonPath.from(created).getString("id");

            Received handshake = endpoint.await(r -> "handshake".equals(r.type()), 1, Duration.ofSeconds(20)).get(0);
            assertTrue(handshake.signed(), "the handshake is signed with the subscription's secret");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> fhir(CLIENT_TOKEN).get("/Subscription/" + id)
                    .then().statusCode(200).body("status", equalTo("active")));

            UUID admitted = admit(consenting);
            UUID notReleased = admit(otherCategory);
            UUID unconsented = admit(withoutConsent);

            Received event = endpoint.await(r -> r.focus().endsWith("/ServiceRequest/" + admitted), 1,
                    Duration.ofSeconds(20)).get(0);
            assertTrue(event.signed());
            assertEquals("event-notification", event.type());
            assertEquals("Bearer northside-hook-token", event.authorization());
            assertEquals("history", event.bundle().path("type").asText());
            assertEquals("http://localhost:8080/fhir/r4/ServiceRequest/" + admitted,
                    event.bundle().path("entry").path(1).path("fullUrl").asText());
            assertTrue(event.bundle().path("entry").path(1).path("resource").isMissingNode(), "id-only");
            FhirValidation.assertValidR4Base(event.bundle().toString());

            // Not even an id: neither the patient whose consent names another category, nor the one with none.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> endpoint.matching(
                    r -> r.focus().contains(notReleased.toString()) || r.focus().contains(unconsented.toString()))
                    .isEmpty());
            assertEquals(0, endpoint.matching(r -> r.focus().contains(notReleased.toString())).size());

            // The notification is in the patient's accounting of disclosures, as intake's, to the client.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(COORDINATOR)
                    .get("/patients/" + consenting + "/disclosures").then().statusCode(200)
                    .body("findAll { it.resourceId == '" + admitted + "' }.recipient", hasItem(CLIENT))
                    .body("findAll { it.resourceId == '" + admitted + "' }.resourceType", hasItem("ServiceRequest")));
            as(COORDINATOR).get("/patients/" + otherCategory + "/disclosures").then().statusCode(200)
                    .body("recipient", not(hasItem(CLIENT)));
            delete(id);
        }
    }

    @Test
    void aFullResourceNotificationCarriesTheRecordAsTheClientWouldReadIt() {
        UUID patient = registerPatient();
        giveConsent(patient, CLIENT, "\"assessments\"");
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String id = subscribe(subscription("patient-admitted", endpoint.url(), filterTo(patient),
                    "full-resource"));
            fhir(CLIENT_TOKEN).get("/Subscription/" + id).then().statusCode(200)
                    .body("channel._payload.extension[0].valueCode", equalTo("full-resource"));
            UUID admitted = admit(patient);

            Received event = endpoint.await(r -> r.focus().endsWith("/ServiceRequest/" + admitted), 1,
                    Duration.ofSeconds(20)).get(0);
            assertTrue(event.signed());
            FhirValidation.assertValidR4Base(event.bundle().toString());
            var entry = event.bundle().path("entry").path(1);
            assertEquals("http://localhost:8080/fhir/r4/ServiceRequest/" + admitted, entry.path("fullUrl").asText());
            var carried = entry.path("resource");
            var read = io.restassured.path.json.JsonPath.from(fhir(CLIENT_TOKEN).get("/ServiceRequest/" + admitted)
                    .then().statusCode(200).extract().asString());
            assertEquals("ServiceRequest", carried.path("resourceType").asText());
            assertEquals(admitted.toString(), carried.path("id").asText());
            assertEquals(read.getString("status"), carried.path("status").asText());
            assertEquals(read.getString("subject.reference"), carried.path("subject").path("reference").asText());
            assertEquals(read.getString("meta.versionId"), carried.path("meta").path("versionId").asText());

            // A record carried in full is disclosed as surely as one named.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(COORDINATOR)
                    .get("/patients/" + patient + "/disclosures").then().statusCode(200)
                    .body("findAll { it.resourceId == '" + admitted + "' }.recipient", hasItem(CLIENT)));
            delete(id);
        }
    }

    @Test
    void aRevocationWithdrawsWhatWaitsAndTellsTheRecipient() {
        UUID patient = registerPatient();
        UUID consent = giveConsent(patient, CLIENT, "\"assessments\"");
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String admissions = subscribe(subscription("patient-admitted", endpoint.url(),
                    filterTo(patient), "id-only"));
            String revocations = subscribe(subscription("consent-revoked", endpoint.url(), filterTo(patient),
                    "id-only"));
            endpoint.await(r -> "handshake".equals(r.type()), 2, Duration.ofSeconds(20));

            endpoint.refuseNext(Integer.MAX_VALUE);
            UUID referral = admit(patient);
            await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                    + "subscription_notification WHERE focus = ?1 AND attempts > 0", "ServiceRequest/" + referral) == 1);

            as(COORDINATOR).body("{\"reason\":\"patient withdrew consent in writing\"}")
                    .post("/consents/" + consent + "/revoke").then().statusCode(200);
            assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM subscription_notification "
                    + "WHERE focus = ?1 AND status = 'WITHDRAWN'", "ServiceRequest/" + referral));
            endpoint.refuseNext(0);

            Received revoked = endpoint.await(r -> r.focus().endsWith("/Consent/" + consent), 1,
                    Duration.ofSeconds(20)).get(0);
            assertTrue(revoked.signed());
            // The admission that waited when the consent was revoked is never sent, nor any later one.
            admit(patient);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> endpoint.matching(r -> r.focus().contains("/ServiceRequest/")).isEmpty());
            delete(admissions);
            delete(revocations);
        }
    }

    @Test
    void eventsFromOtherServicesArriveOnceAndInOrderThroughRefusals() {
        UUID patient = registerPatient();
        giveConsent(patient, CLIENT, "\"treatment-plans\"");
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String id = subscribe(subscription("plan-approved", endpoint.url(), filterTo(patient), "id-only"));
            endpoint.await(r -> "handshake".equals(r.type()), 1, Duration.ofSeconds(20));

            endpoint.refuseNext(3);
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            ProducerRecord<String, String> firstApproval = approved(first, patient);
            EventRecords.send(firstApproval, firstApproval, approved(second, patient));

            List<Received> events = endpoint.await(r -> "event-notification".equals(r.type()), 2,
                    Duration.ofSeconds(30));
            assertTrue(events.get(0).focus().endsWith("/CarePlan/" + first), "in the order they happened");
            assertTrue(events.get(1).focus().endsWith("/CarePlan/" + second));
            assertEquals(List.of(1L, 2L), events.stream().map(Received::eventNumber).toList());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> endpoint.matching(r -> "event-notification".equals(r.type())).size() == 2);

            fhir(CLIENT_TOKEN).get("/Subscription/" + id + "/$status").then().statusCode(200)
                    .body("entry[0].resource.parameter.find { it.name == 'events-since-subscription-start' }"
                            + ".valueString", equalTo("2"));
            delete(id);
        }
    }

    @Test
    void anEndpointThatNeverAnswersPutsItsSubscriptionInErrorAndHoldsUpNoOther() {
        NotificationReceiver gone = NotificationReceiver.start(SECRET);
        String deadUrl = gone.url();
        gone.close();
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String dead = subscribe(subscription("plan-approved", deadUrl, "", "id-only"));
            String alive = subscribe(subscription("plan-approved", endpoint.url(), "", "id-only"));
            endpoint.await(r -> "handshake".equals(r.type()), 1, Duration.ofSeconds(20));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fhir(CLIENT_TOKEN).get("/Subscription/" + dead)
                    .then().statusCode(200).body("status", equalTo("error"))
                    .body("error", org.hamcrest.Matchers.containsString("could not be reached")));
            fhir(CLIENT_TOKEN).get("/Subscription/" + alive).then().body("status", equalTo("active"));

            // Pointed at an endpoint that answers, it is asked for again and proves itself with a handshake. The client
            // sends back what it read: the masked header keeps its value.
            String read = fhir(CLIENT_TOKEN).get("/Subscription/" + dead).then().statusCode(200).extract().asString();
            String fixed = read.replace(deadUrl, endpoint.url()).replace("\"status\":\"error\"",
                    "\"status\":\"requested\"");
            fhir(CLIENT_TOKEN).contentType(FHIR_JSON).body(fixed).put("/Subscription/" + dead).then()
                    .statusCode(200).body("status", equalTo("requested"));
            endpoint.await(r -> "handshake".equals(r.type()), 2, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> fhir(CLIENT_TOKEN)
                    .get("/Subscription/" + dead).then().body("status", equalTo("active")).body("error", nullValue()));
            endpoint.received().forEach(r -> assertEquals("Bearer northside-hook-token", r.authorization()));
            delete(dead);
            delete(alive);
        }
    }

    @Test
    void aQuietSubscriptionHearsAHeartbeat() {
        try (NotificationReceiver endpoint = NotificationReceiver.start(SECRET)) {
            String id = subscribe(subscription("relapse-reported", endpoint.url(), "", "empty")
                    .replace("\"header\"", "\"extension\":[{\"url\":\"" + FhirSubscriptions.HEARTBEAT_PERIOD
                            + "\",\"valueUnsignedInt\":1}],\"header\""));
            Received heartbeat = endpoint.await(r -> "heartbeat".equals(r.type()), 1, Duration.ofSeconds(20)).get(0);
            assertTrue(heartbeat.signed());
            assertEquals(1, heartbeat.bundle().path("entry").size(), "a heartbeat carries only the status");
            delete(id);
        }
    }

    @Test
    void aSubscriptionThatCannotBeKeptIsRefusedAndNothingIsMade() {
        long before = Rows.count(entities, "SELECT count(*) FROM subscription");
        String good = subscription("plan-approved", "http://127.0.0.1:9/hook", "", "id-only");
        List<String> bad = List.of(
                good.replace(SECRET, "short"),
                good.replace("\"extension\":[{\"url\":\"" + FhirSubscriptions.SECRET + "\",\"valueString\":\""
                        + SECRET + "\"}],", ""),
                good.replace("plan-approved", "everything"),
                // Full plans need treatment-plan, which this test JVM does not run: not offered here.
                good.replace("\"id-only\"", "\"full-resource\""),
                good.replace("\"id-only\"", "\"partial-resource\""),
                good.replace("rest-hook", "websocket"),
                good.replace("http://127.0.0.1:9/hook", "ftp://127.0.0.1/hook"),
                good.replace("\"header\":[\"Authorization: Bearer northside-hook-token\"]",
                        "\"header\":[\"Cairn-Signature: forged\"]"),
                subscription("plan-approved", "http://127.0.0.1:9/hook", filterTo(UUID.randomUUID())
                        .replace("patient=Patient/", "identifier="), "id-only"),
                good.replace("\"header\":[\"Authorization: Bearer northside-hook-token\"]",
                        "\"header\":[\"X-Token: a\\u0000b\"]"),
                good.replace("\"header\":[\"Authorization: Bearer northside-hook-token\"]",
                        "\"header\":[\"Expect: 100-continue\"]"),
                good.replace("\"header\":[\"Authorization: Bearer northside-hook-token\"]",
                        "\"header\":[\"no colon\"]"),
                good.replace("\"reason\"", "\"end\":\"2020-01-01T00:00:00Z\",\"reason\""),
                good.replace("\"extension\":[{", "\"extension\":[{\"url\":\"" + FhirSubscriptions.SECRET
                        + "\",\"valueString\":\"" + SECRET + "\"},{"),
                subscription("plan-approved", "http://127.0.0.1:9/hook", ",\"_criteria\":{\"extension\":[{\"url\":\""
                        + FhirSubscriptions.FILTER_CRITERIA + "\",\"valueReference\":{\"reference\":\"Patient/1\"}}]}",
                        "id-only"),
                subscription("plan-approved", "http://127.0.0.1:9/hook", filterTo(UUID.randomUUID())
                        .replaceAll("[0-9a-f]{8}-", "------------"), "id-only"),
                "{\"resourceType\":\"Subscription\",\"status\":\"requested\"}");
        for (String subscription : bad) {
            fhir(CLIENT_TOKEN).contentType(FHIR_JSON).body(subscription).post("/Subscription").then()
                    .statusCode(400).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"));
        }
        assertEquals(before, Rows.count(entities, "SELECT count(*) FROM subscription"));
    }

    @Test
    void aClientSeesAndChangesOnlyItsOwnSubscriptions() {
        String id = subscribe(subscription("plan-approved", "http://127.0.0.1:9/hook", "", "id-only"));
        String other = Tokens.forEhrClient("ehr-other");
        fhir(other).get("/Subscription/" + id).then().statusCode(404).contentType(FHIR_JSON);
        fhir(other).delete("/Subscription/" + id).then().statusCode(404);
        fhir(other).get("/Subscription").then().statusCode(200).body("entry.resource.id", not(hasItem(id)));
        fhir(CLIENT_TOKEN).get("/Subscription").then().statusCode(200).body("entry.resource.id", hasItem(id));
        fhir(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).get("/Subscription/" + id).then().statusCode(200);
        fhir(COORDINATOR).contentType(FHIR_JSON).body(subscription("plan-approved", "http://127.0.0.1:9/hook", "",
                "id-only")).post("/Subscription").then().statusCode(403);
        fhir(CLIENT_TOKEN).contentType(FHIR_JSON)
                .body(subscription("plan-approved", "http://127.0.0.1:9/hook", "", "id-only"))
                .header("If-Match", "W/\"41\"").put("/Subscription/" + id).then().statusCode(412);
        delete(id);
        fhir(CLIENT_TOKEN).get("/Subscription/" + id).then().statusCode(404);
    }

    /** Deletes what a test left, so that no other test's events queue for it. */
    @AfterEach
    void deleteSubscriptions() {
        List<String> left = fhir(CLIENT_TOKEN).get("/Subscription").then().statusCode(200).extract()
                .jsonPath().getList("entry.resource.id", String.class);
        left.forEach(FhirSubscriptionTest::delete);
    }

    static String subscription(String topic, String endpoint, String filter, String content) {
        return """
                {"resourceType":"Subscription","status":"requested","reason":"Northside follows its patients",
                 "extension":[{"url":"%s","valueString":"%s"}],
                 "criteria":"%s%s"%s,
                 "channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json",
                  "_payload":{"extension":[{"url":"%s","valueCode":"%s"}]},
                  "header":["Authorization: Bearer northside-hook-token"]}}"""
                .formatted(FhirSubscriptions.SECRET, SECRET, TOPICS, topic, filter, endpoint,
                        FhirSubscriptions.PAYLOAD_CONTENT, content);
    }

    static String filterTo(UUID patient) {
        return ",\"_criteria\":{\"extension\":[{\"url\":\"%s\",\"valueString\":\"patient=Patient/%s\"}]}"
                .formatted(FhirSubscriptions.FILTER_CRITERIA, patient);
    }

    static String subscribe(String subscription) {
        return fhir(CLIENT_TOKEN).contentType(FHIR_JSON).body(subscription).post("/Subscription").then()
                .statusCode(201).extract().path("id");
    }

    static void delete(String id) {
        fhir(CLIENT_TOKEN).delete("/Subscription/" + id).then().statusCode(204);
    }

    /** Receives a referral for the patient and moves it to admission, as the intake coordinator does. */
    static UUID admit(UUID patient) {
        UUID referral = UUID.fromString(as(COORDINATOR).body("""
                {"patientId":"%s","source":"self","reason":"wants to stop drinking","urgency":"routine"}"""
                .formatted(patient)).post("/referrals").then().statusCode(201).extract().path("id"));
        for (String step : List.of("screening", "assessment-scheduled", "admitted")) {
            as(COORDINATOR).body("{\"to\":\"" + step + "\"}").post("/referrals/" + referral + "/transitions").then()
                    .statusCode(200);
        }
        return referral;
    }

    static ProducerRecord<String, String> approved(UUID plan, UUID patient) {
        return EventRecords.of(new PlanApproved(plan, patient, 1, Population.ADULT, new BigDecimal("9"),
                PreferredSchedule.EVENING, 10, LocalDate.now().plusWeeks(4), Instant.now()));
    }
}
