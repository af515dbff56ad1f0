package io.cairn.billing.api;

import static io.cairn.billing.api.Billing.COORDINATOR;
import static io.cairn.billing.api.Billing.as;
import static io.cairn.billing.api.Billing.coverage;
import static io.cairn.billing.api.Billing.institutionalPayer;
import static io.cairn.billing.api.Billing.payerCode;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.billing.x12.X12Reading;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A coverage's eligibility asked of its payer as a 270, and its recorded 271 answers read back. */
@QuarkusTest
class EligibilityTest {

    static String recorded(String name, String payer, String trace) throws IOException {
        try (InputStream in = EligibilityTest.class.getResourceAsStream("/x12/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("{payer15}",
                    String.format("%-15s", payer)).replace("{payer}", payer).replace("{trace}", trace);
        }
    }

    static JsonPath answer(String check, String x12, int status) {
        return as(COORDINATOR).contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.US_ASCII))
                .put("/eligibility-checks/" + check + "/response").then().statusCode(status).extract().jsonPath();
    }

    JsonPath ask(String coverage) {
        return as(COORDINATOR).body(java.util.Map.of("coverageId", coverage)).post("/eligibility-checks").then()
                .statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void theInquiryIsA270ForThePatientAsSubscriberAndAnActive271SaysWhatIsCovered() throws IOException {
        String payer = institutionalPayer();
        String coverage = coverage(UUID.randomUUID(), payer, "primary", LocalDate.of(2026, 11, 1), null);
        JsonPath check = ask(coverage);
        String id = check.getString("id");
        String trace = check.getString("traceNumber");
        assertEquals((Object) null, check.get("active"));

        String x12 = as(COORDINATOR).accept("application/edi-x12").get("/eligibility-checks/" + id + "/request")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), X12Reading.errors(x12, X12Reading.schema("x12/270.xml")));
        List<String> lines = x12.lines().map(line -> line.replace("~", "")).toList();
        assertTrue(lines.contains("ST*270*0001*005010X279A1"), x12);
        assertTrue(lines.contains("TRN*1*" + trace + "*1123456789"), x12);
        assertTrue(lines.contains("NM1*IL*1*Rivera*Ana****MI*XJH448812"), x12);
        assertTrue(lines.contains("DMG*D8*19880412*F"), x12);
        assertTrue(lines.containsAll(List.of("EQ*30", "EQ*MH", "EQ*AI")), x12);
        assertTrue(lines.contains("NM1*PR*2*Blue Valley Health Plan*****PI*" + payerCode(payer)), x12);

        JsonPath answered = answer(id, recorded("271-active.x12", payerCode(payer), trace), 200);
        assertEquals(true, answered.getBoolean("active"));
        assertEquals("2026-01-01", answered.getString("planBeginsOn"));
        assertEquals("2026-12-31", answered.getString("planEndsOn"));
        assertEquals(List.of("30", "MH", "AI"), answered.getList("activeServices"));
        assertEquals(List.of(), answered.getList("rejections"));
        as(COORDINATOR).get("/eligibility-checks/" + id).then().statusCode(200).body("active", is(true));
    }

    @Test
    void aPayerThatCannotFindTheSubscriberAnswersWithItsReason() throws IOException {
        String payer = institutionalPayer();
        String coverage = coverage(UUID.randomUUID(), payer, "primary", LocalDate.of(2026, 11, 1), null);
        JsonPath check = ask(coverage);
        JsonPath answered = answer(check.getString("id"), recorded("271-not-found.x12", payerCode(payer),
                check.getString("traceNumber")), 200);
        assertEquals(false, answered.getBoolean("active"));
        assertEquals(List.of("75"), answered.getList("rejections"));
    }

    @Test
    void anAnswerToAnotherInquiryOrOneThatDoesNotReadIsRefusedAndChangesNothing() throws IOException {
        String payer = institutionalPayer();
        String coverage = coverage(UUID.randomUUID(), payer, "primary", LocalDate.of(2026, 11, 1), null);
        String id = ask(coverage).getString("id");
        String other = recorded("271-active.x12", payerCode(payer), "SOMEOTHERTRACE");

        assertTrue(answer(id, other, 400).getString("violations[0].message").contains("SOMEOTHERTRACE"));
        answer(id, other.replace("SE*20*0001~", "SE*21*0001~"), 400);
        answer(id, other.replace("ST*271*", "ST*270*"), 400);
        answer(id, "not x12", 400);
        as(COORDINATOR).get("/eligibility-checks/" + id).then().statusCode(200).body("answeredAt", is((Object) null));
        as(COORDINATOR).body(java.util.Map.of("coverageId", UUID.randomUUID())).post("/eligibility-checks").then()
                .statusCode(400);
        as(Billing.CLINICIAN).body(java.util.Map.of("coverageId", coverage)).post("/eligibility-checks").then()
                .statusCode(403);
    }
}
