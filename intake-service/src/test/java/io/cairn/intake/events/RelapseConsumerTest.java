package io.cairn.intake.events;

import static io.cairn.testkit.TopicWatch.header;
import static io.cairn.testkit.TopicWatch.keyed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.EventEnvelope;
import io.cairn.contracts.Roles;
import io.cairn.contracts.Topics;
import io.cairn.contracts.kafka.CloudEventHeaders;
import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.Tokens;
import io.cairn.testkit.TopicWatch;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A relapse in aftercare opens an urgent readmission referral, once, linked to the earlier episode. */
@QuarkusTest
class RelapseConsumerTest {

    static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);

    @Inject
    ObjectMapper json;

    @Test
    void aRelapseDeliveredTwiceOpensOneUrgentReadmissionLinkedToTheEarlierEpisode() throws Exception {
        UUID patient = UUID.fromString(api().body("""
                {"givenName":"Sam","familyName":"Ortiz","birthDate":"1979-02-03","sex":"male","ageGroup":"adult"}""")
                .post("/patients").then().statusCode(201).extract().path("id"));
        String earlier = api().body("""
                {"patientId":"%s","source":"self","reason":"wants to stop drinking","urgency":"routine"}"""
                .formatted(patient)).post("/referrals").then().statusCode(201).extract().path("id");

        ProducerRecord<String, String> relapse = relapseReported(patient);
        KafkaResource.companion().produceStrings().fromRecords(relapse, relapse)
                .awaitCompletion(Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(20)).until(() -> referralsOf(patient).size() == 2);
        Map<String, Object> readmission = referralsOf(patient).get(0);
        assertEquals("aftercare-relapse", readmission.get("source"));
        assertEquals("urgent", readmission.get("urgency"));
        assertEquals(earlier, readmission.get("readmissionOf"));

        try (TopicWatch intake = TopicWatch.of(Topics.INTAKE)) {
            List<ConsumerRecord<String, String>> received = intake.awaitRecords(
                    keyed(patient).and(r -> "intake.referral.received".equals(header(r, "ce_type"))), 2,
                    Duration.ofSeconds(15));
            var urgent = json.readTree(received.get(1).value());
            assertEquals(true, urgent.get("urgent").asBoolean());
            assertEquals(earlier, urgent.get("readmissionOf").asText());
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> referralsOf(patient).size() == 2);
    }

    private static List<Map<String, Object>> referralsOf(UUID patient) {
        return JsonPath.from(api().queryParam("patientId", patient).get("/referrals").asString()).getList("");
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).basePath("/api/v1");
    }

    private static ProducerRecord<String, String> relapseReported(UUID patient) {
        String data = """
                {"patientId":"%s","aftercareReferralId":"%s","checkInId":null,"reportedAt":"2026-11-24T09:00:00Z"}"""
                .formatted(patient, UUID.randomUUID());
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AFTERCARE, patient.toString(), data);
        CloudEventHeaders.write(new EventEnvelope(UUID.randomUUID(), "aftercare.relapse.reported",
                URI.create("/cairn/aftercare-service"), Instant.now(), patient.toString(), null), record.headers());
        return record;
    }
}
