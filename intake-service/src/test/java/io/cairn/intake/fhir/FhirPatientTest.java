package io.cairn.intake.fhir;

import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.fhir;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An EHR registers and finds patients through FHIR, under the same Part 2 rules as the JSON API. */
@QuarkusTest
class FhirPatientTest {

    static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);
    static final String MRN = "urn:ehr:northside:mrn";

    @Inject
    EntityManager entities;

    static RequestSpecification api(String token) {
        return given().auth().oauth2(token).contentType("application/json").basePath("/api/v1");
    }

    static String patient(String family, String mrn) {
        return """
                {"resourceType":"Patient",
                 "identifier":[{"system":"%s","value":"%s"}],
                 "name":[{"use":"official","family":"%s","given":["Dana","Maria"]}],
                 "telecom":[{"system":"phone","value":"+1 555 0100"},{"system":"email","value":"dana@example.org"}],
                 "gender":"female","birthDate":"1988-04-12",
                 "address":[{"line":["12 Elm St"],"city":"Springfield","state":"IL","postalCode":"62701"}],
                 "contact":[{"relationship":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0131",
                   "code":"C"}]},{"text":"brother"}],"name":{"text":"Luis Reyes"},
                   "telecom":[{"system":"phone","value":"+1 555 0101"}]}]}""".formatted(MRN, mrn, family);
    }

    static ExtractableResponse<Response> valid(ExtractableResponse<Response> response) {
        FhirValidation.assertValid(response.asString());
        return response;
    }

    @Test
    void anEhrRegistersAPatientAndReadsItOnlyWhileAConsentNamesIt() {
        String mrn = "MRN-" + UUID.randomUUID();
        var created = valid(fhir(EHR_TOKEN).body(patient("Reyes", mrn)).post("/Patient").then().statusCode(201)
                .contentType(FHIR_JSON)
                .header("Location", matchesPattern(".*/fhir/r4/Patient/[0-9a-f-]{36}"))
                .body("resourceType", equalTo("Patient"))
                .body("name[0].family", equalTo("Reyes"))
                .body("meta.security.code", hasItem("ETH"))
                .extract());
        String id = created.path("id");
        assertEquals(created.header("Location"), created.header("Location").replaceFirst("[^/]+$", id));

        // The registration is the same patient the JSON API shows, every detail carried over.
        api(COORDINATOR).get("/patients/" + id).then().statusCode(200)
                .body("givenName", equalTo("Dana Maria")).body("familyName", equalTo("Reyes"))
                .body("sex", equalTo("female")).body("ageGroup", equalTo("adult"))
                .body("address.city", equalTo("Springfield"))
                .body("emergencyContact.name", equalTo("Luis Reyes"))
                .body("emergencyContact.relationship", equalTo("brother"))
                .body("identifiers[0].value", equalTo(mrn));

        valid(fhir(EHR_TOKEN).get("/Patient/" + id).then().statusCode(404).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("not-found"))
                .extract());
        valid(fhir(EHR_TOKEN).queryParam("identifier", MRN + "|" + mrn).get("/Patient").then().statusCode(200)
                .body("type", equalTo("searchset")).body("total", equalTo(0)).extract());

        api(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":["demographics"]}
                """.formatted(id, EHR)).post("/consents").then().statusCode(201);

        valid(fhir(EHR_TOKEN).get("/Patient/" + id).then().statusCode(200).contentType(FHIR_JSON)
                .header("ETag", startsWith("W/"))
                .body("id", equalTo(id))
                .body("meta.security.code", contains("ETH", "NORDSCLCD"))
                .body("gender", equalTo("female")).body("birthDate", equalTo("1988-04-12"))
                .body("identifier[0].value", equalTo(mrn))
                .body("contact[0].relationship[1].text", equalTo("brother"))
                .extract());
        valid(fhir(EHR_TOKEN).queryParam("identifier", MRN + "|" + mrn).get("/Patient").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].fullUrl", endsWith("/fhir/r4/Patient/" + id))
                .body("entry[0].search.mode", equalTo("match"))
                .extract());

        // Both reads were disclosures to the EHR, each in the accounting the patient may ask for, within seconds.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api(COORDINATOR)
                .get("/patients/" + id + "/disclosures").jsonPath().getList("").size() == 2);
        api(COORDINATOR).get("/patients/" + id + "/disclosures").then().statusCode(200)
                .body("recipient", contains(EHR, EHR)).body("resourceId", contains(id, id));
    }

    @Test
    void anEhrFindsItsPatientByIdOnlyWhileAConsentNamesItAndAsksWhatChangedSince() {
        String id = fhir(EHR_TOKEN).body(patient("Lindqvist", "MRN-" + UUID.randomUUID())).post("/Patient").then()
                .statusCode(201).extract().path("id");
        valid(fhir(EHR_TOKEN).queryParam("_id", id).get("/Patient").then().statusCode(200).body("total", equalTo(0))
                .extract());
        api(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":["demographics"]}
                """.formatted(id, EHR)).post("/consents").then().statusCode(201);

        String lastUpdated = valid(fhir(EHR_TOKEN).queryParam("_id", id).get("/Patient").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.id", equalTo(id)).extract())
                .path("entry[0].resource.meta.lastUpdated");
        // How the gateway's $everything asks whether the caller may see the patient: a count, nothing read.
        fhir(EHR_TOKEN).queryParam("_id", id).queryParam("_count", 0).get("/Patient").then().statusCode(200)
                .body("total", equalTo(1)).body("entry", org.hamcrest.Matchers.nullValue());
        fhir(EHR_TOKEN).queryParam("_id", id).queryParam("_lastUpdated", "gt" + lastUpdated).get("/Patient").then()
                .statusCode(200).body("total", equalTo(0));
        fhir(EHR_TOKEN).queryParam("_id", id).queryParam("_lastUpdated", "ge" + lastUpdated).get("/Patient").then()
                .statusCode(200).body("total", equalTo(1));
        // Without an identifier or ids, an EHR would be listing the clinic's patients.
        fhir(EHR_TOKEN).queryParam("_lastUpdated", "ge2026-01-01").get("/Patient").then().statusCode(400)
                .body("issue.expression.flatten()", hasItem("identifier"));
    }

    @Test
    void aRetriedConditionalCreateAnswersThePatientItRegisteredInsteadOfASecond() {
        String mrn = "MRN-" + UUID.randomUUID();
        long before = Rows.count(entities, "select count(*) from patient");
        String id = fhir(COORDINATOR).header("If-None-Exist", "identifier=" + MRN + "|" + mrn)
                .body(patient("Okafor", mrn)).post("/Patient").then().statusCode(201).extract().path("id");

        // The same search, URL-encoded as a client library writes it.
        valid(fhir(COORDINATOR).header("If-None-Exist", "identifier=" + URLEncoder.encode(MRN + "|" + mrn,
                StandardCharsets.UTF_8)).body(patient("Okafor", mrn)).post("/Patient").then().statusCode(200)
                .contentType(FHIR_JSON)
                .header("Location", endsWith("/fhir/r4/Patient/" + id))
                .header("ETag", startsWith("W/"))
                .body("id", equalTo(id)).body("name[0].family", equalTo("Okafor"))
                .extract());

        assertEquals(before + 1, Rows.count(entities, "select count(*) from patient"));
    }

    @Test
    void anEhrsConditionalCreateFindsItsPatientOnlyWhileAConsentNamesIt() {
        String mrn = "MRN-" + UUID.randomUUID();
        String condition = "identifier=" + MRN + "|" + mrn;
        String id = fhir(EHR_TOKEN).header("If-None-Exist", condition).body(patient("Adeyemi", mrn))
                .post("/Patient").then().statusCode(201).extract().path("id");
        long registered = Rows.count(entities, "select count(*) from patient");

        // Without a consent the retry is refused as a second registration of the identifier is, and discloses nothing.
        outcome(fhir(EHR_TOKEN).header("If-None-Exist", condition).body(patient("Adeyemi", mrn)).post("/Patient"),
                409, "conflict");
        api(COORDINATOR).get("/patients/" + id + "/disclosures").then().statusCode(200).body("", hasSize(0));

        api(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":["demographics"]}
                """.formatted(id, EHR)).post("/consents").then().statusCode(201);

        valid(fhir(EHR_TOKEN).header("If-None-Exist", condition).body(patient("Adeyemi", mrn)).post("/Patient")
                .then().statusCode(200).body("id", equalTo(id)).body("meta.security.code", hasItem("ETH")).extract());
        // The accounting is kept from the disclosure events: it shows the read within seconds.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api(COORDINATOR)
                .get("/patients/" + id + "/disclosures").jsonPath().getList("").size() == 1);
        api(COORDINATOR).get("/patients/" + id + "/disclosures").then().statusCode(200)
                .body("recipient", contains(EHR)).body("resourceId", contains(id));
        assertEquals(registered, Rows.count(entities, "select count(*) from patient"));
    }

    @Test
    void aConditionOtherThanOneIdentifierIsAnOperationOutcomeAndRegistersNothing() {
        long before = Rows.count(entities, "select count(*) from patient");
        String mrn = "MRN-" + UUID.randomUUID();

        for (String condition : List.of("&", "name=Reyes", "identifier=" + mrn, "identifier=" + MRN + "|" + mrn
                + "&identifier=" + MRN + "|other", "identifier=%zz", "birthdate=1988-04-12")) {
            outcome(fhir(COORDINATOR).header("If-None-Exist", condition).body(patient("Reyes", mrn))
                    .post("/Patient"), 400, "invalid");
        }

        assertEquals(before, Rows.count(entities, "select count(*) from patient"));
    }

    @Test
    void aSearchPagesWithNextAndPreviousLinks() {
        String family = "Paging" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            fhir(COORDINATOR).body(patient(family, "MRN-" + UUID.randomUUID())).post("/Patient").then()
                    .statusCode(201);
        }

        var first = valid(fhir(COORDINATOR).queryParam("name", family).queryParam("_count", 2).get("/Patient")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("entry", hasSize(2))
                .body("link.find { it.relation == 'previous' }", nullValue())
                .extract());
        URI next = URI.create(first.path("link.find { it.relation == 'next' }.url"));

        valid(given().auth().oauth2(COORDINATOR).accept(FHIR_JSON).get(next.getRawPath() + "?" + next.getRawQuery())
                .then().statusCode(200)
                .body("total", equalTo(3)).body("entry", hasSize(1))
                .body("link.find { it.relation == 'next' }", nullValue())
                .body("link.find { it.relation == 'previous' }.url", matchesPattern(".*_page=0.*"))
                .extract());
    }

    @Test
    void badInputIsAnOperationOutcomeAndRegistersNothing() {
        long before = Rows.count(entities, "select count(*) from patient");

        outcome(fhir(COORDINATOR).body("{\"resourceType\":\"Patient\",").post("/Patient"), 400, "invalid");
        outcome(fhir(COORDINATOR).body(patient("Reyes", "MRN-1").replace("\"gender\"", "\"colour\":\"red\",\"gender\""))
                .post("/Patient"), 400, "invalid");
        outcome(fhir(COORDINATOR).body("{\"resourceType\":\"Observation\",\"status\":\"final\"}").post("/Patient"),
                400, "invalid");
        var missing = outcome(fhir(COORDINATOR).body("""
                {"resourceType":"Patient","name":[{"family":"Reyes"}]}""").post("/Patient"), 400, "invalid");
        assertEquals(List.of("Patient.birthDate", "Patient.gender", "Patient.name.given"),
                missing.jsonPath().<String> getList("issue.expression.flatten()").stream().filter(Objects::nonNull)
                        .distinct().sorted().toList());
        outcome(fhir(COORDINATOR).body(patient("Reyes", "MRN-2").replace("1988-04-12", "1988")).post("/Patient"),
                400, "invalid");
        outcome(fhir(COORDINATOR).queryParam("colour", "red").get("/Patient"), 400, "invalid");
        outcome(fhir(COORDINATOR).queryParam("identifier", "MRN-1").get("/Patient"), 400, "invalid");
        outcome(fhir(COORDINATOR).queryParam("_count", 1000).get("/Patient"), 400, "invalid");
        outcome(fhir(EHR_TOKEN).queryParam("name", "Reyes").get("/Patient"), 400, "invalid");

        outcome(given().accept(FHIR_JSON).basePath("/fhir/r4").get("/Patient/" + UUID.randomUUID()), 401, "login");
        outcome(fhir(Tokens.forRole(Roles.SCHEDULER)).get("/Patient/" + UUID.randomUUID()), 403, "forbidden");
        outcome(fhir(COORDINATOR).get("/Patient/not-one-of-ours"), 404, "not-found");
        outcome(fhir(COORDINATOR).get("/Medication"), 404, "not-found");
        outcome(fhir(COORDINATOR).delete("/Patient/" + UUID.randomUUID()), 405, "not-supported");
        outcome(fhir(COORDINATOR).body(patient("Reyes", "x".repeat(2_000_000))).post("/Patient"), 413, "too-long");
        outcome(fhir(COORDINATOR).contentType("text/plain").body("Dana Reyes").post("/Patient"), 415,
                "not-supported");
        given().auth().oauth2(COORDINATOR).accept("application/fhir+xml").basePath("/fhir/r4")
                .get("/Patient/" + UUID.randomUUID()).then().statusCode(406);

        assertEquals(before, Rows.count(entities, "select count(*) from patient"));
    }

    @Test
    void theCapabilityStatementIsPublicAndListsPatient() {
        valid(given().accept(FHIR_JSON).get("/fhir/r4/metadata").then().statusCode(200).contentType(FHIR_JSON)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", hasItem("Patient"))
                .body("rest[0].resource.find { it.type == 'Patient' }.searchParam.name",
                        contains("identifier", "name", "birthdate", "_id", "_lastUpdated"))
                .body("rest[0].resource.find { it.type == 'Patient' }.conditionalCreate", equalTo(true))
                .extract());
    }

    private static ExtractableResponse<Response> outcome(Response response, int status, String code) {
        return valid(response.then().statusCode(status).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error")).body("issue[0].code", equalTo(code))
                .extract());
    }
}
