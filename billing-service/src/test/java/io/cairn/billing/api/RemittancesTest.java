package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.DIRECTOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.attended;
import static io.cairn.billing.api.Billing.awaitCharges;
import static io.cairn.billing.api.Billing.consent;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.payerCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.SessionKind;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A payer's recorded 835 posts its payments against the claims, once. */
@QuarkusTest
class RemittancesTest {

    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Inject
    EntityManager entities;

    /** A patient claimed for the November days given; answers the claim's id and number. */
    String[] claimed(String payer, int... days) {
        UUID patient = UUID.randomUUID();
        coverage(patient, payer, "primary", NOV, null);
        Billing.diagnoses(patient, "F10.20");
        UUID consent = UUID.randomUUID();
        EventRecords.send(EventRecords.of(consent(consent, patient, payerCode(payer), ConsentPurpose.PAYMENT,
                ConsentStatus.ACTIVE, 1)));
        EventRecords.send(Arrays.stream(days).mapToObj(day -> attended(UUID.randomUUID(), patient,
                NOV.withDayOfMonth(day), SessionKind.GROUP, AttendanceStatus.PRESENT, 180))
                .toArray(ProducerRecord[]::new));
        awaitCharges(patient, found -> found.size() == days.length);
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM "
                + "consent_projection WHERE consent_id = ?1", consent) == 1);
        JsonPath run = as(DIRECTOR).body(Map.of("payerId", payer, "through", "2026-11-30")).post("/claims").then()
                .statusCode(200).extract().jsonPath();
        return new String[] { run.getString("claims[0].id"), run.getString("claims[0].claimNumber") };
    }

    static String recorded835(String payer, String trace, String paidClaim, String deniedClaim) throws IOException {
        try (InputStream in = RemittancesTest.class.getResourceAsStream("/x12/835-blue-valley.x12")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("{payer15}",
                    String.format("%-15s", payer)).replace("{payer}", payer).replace("{trace}", trace)
                    .replace("{total}", "620").replace("{paidClaim}", paidClaim).replace("{deniedClaim}", deniedClaim);
        }
    }

    static JsonPath post(String x12, int status) {
        return as(DIRECTOR).contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.US_ASCII))
                .post("/remittances").then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void aRecorded835PostsEachClaimsPaymentAndEachDaysAdjustmentsOnce() throws IOException {
        String payer = institutionalPayer();
        String[] paidClaim = claimed(payer, 2, 4, 5);
        String[] deniedClaim = claimed(payer, 9);
        String paid = paidClaim[0];
        String denied = deniedClaim[0];
        String trace = "EFT" + System.nanoTime();
        // The 835 names each claim by the number the 837 sent (CLM01), all of its 20 characters.
        String x12 = recorded835(payerCode(payer), trace, paidClaim[1], deniedClaim[1]);

        JsonPath posted = post(x12, 201);
        assertEquals(trace, posted.getString("traceNumber"));
        assertEquals("2026-12-15", posted.getString("paidOn"));
        assertEquals(620.0, posted.getDouble("total"));
        assertEquals(List.of(paid, denied), posted.getList("posted.claimId"));
        assertEquals(List.of("1", "4"), posted.getList("posted.statusCode"));
        assertEquals(List.of(3, 1), posted.getList("posted.lines"));
        assertEquals(List.of("PCN-NOT-OURS"), posted.getList("unmatched.reference"));

        as(DIRECTOR).get("/claims/" + paid).then().statusCode(200).body("paid", org.hamcrest.Matchers.is(620.0f));
        as(DIRECTOR).get("/claims/" + denied).then().statusCode(200).body("paid", org.hamcrest.Matchers.is(0.0f));
        assertEquals(0.0, ((Number) Rows.single(entities, "SELECT l.paid FROM line_payment l JOIN charge c ON c.id = "
                + "l.charge_id WHERE c.claim_id = ?1 AND c.service_date = DATE '2026-11-05'", UUID.fromString(paid)))
                .doubleValue());
        String adjustment = String.valueOf(Rows.single(entities, "SELECT l.adjustments::text FROM line_payment l "
                + "JOIN charge c ON c.id = l.charge_id WHERE c.claim_id = ?1 AND c.service_date = DATE '2026-11-05'",
                UUID.fromString(paid)));
        assertTrue(adjustment.contains("\"group\": \"CO\"") && adjustment.contains("\"reason\": \"50\""), adjustment);

        // Sent again, by mistake or by a clearinghouse's retry: nothing is posted twice.
        JsonPath again = post(x12, 200);
        assertTrue(again.getBoolean("alreadyPosted"));
        assertEquals(posted.getString("id"), again.getString("id"));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM claim_payment WHERE claim_id = ?1",
                UUID.fromString(paid)));
        assertEquals(3L, Rows.count(entities, "SELECT count(*) FROM line_payment l JOIN claim_payment p ON p.id = "
                + "l.claim_payment_id WHERE p.claim_id = ?1", UUID.fromString(paid)));
    }

    @Test
    void anInterchangeThatDoesNotReadOrIsNoRemittanceIsRefusedAndPostsNothing() throws IOException {
        String payer = institutionalPayer();
        String trace = "EFT" + System.nanoTime();
        String x12 = recorded835(payerCode(payer), trace, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        long remittances = Rows.count(entities, "SELECT count(*) FROM remittance");

        post(x12.replace("SE*28*0001~", "SE*27*0001~"), 400);
        post(x12.replace("ST*835*", "ST*837*"), 400);
        post(x12.replace("*620**CI*", "*6x0**CI*"), 400);
        post(x12.replace("*620**CI*", "*6E2**CI*"), 400);
        post(x12.replace("*620**CI*", "*620.001**CI*"), 400);
        post("hello", 400);
        as(DIRECTOR).contentType("application/edi-x12").body(new byte[0]).post("/remittances").then().statusCode(400);
        as(Billing.COORDINATOR).contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.US_ASCII))
                .post("/remittances").then()
                .statusCode(403);
        assertEquals(remittances, Rows.count(entities, "SELECT count(*) FROM remittance"));
    }
}
