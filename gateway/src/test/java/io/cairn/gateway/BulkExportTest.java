package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.testkit.OidcResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code Patient/$export} is answered from every service's part: one kick-off starts each part under one id; the
 * status is 202 while any part runs, then one manifest naming each service's files; a file is read from the service
 * that made it. What each part holds is each service's (FhirBulkExportTest); the whole, through the real platform, is
 * the system tests'.
 */
@QuarkusTest
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(Backends.class)
class BulkExportTest {

    static final String EHR = Tokens.forEhrClient("ehr-northside");

    @Test
    void oneKickOffStartsEveryPartAndOneManifestNamesTheirFiles() {
        Backends.finishWorklistExports = false;
        String status = ehr().header("Prefer", "respond-async").get("/fhir/r4/Patient/$export").then()
                .statusCode(202).header("Content-Location", containsString("/fhir/r4/$export-status/")).extract()
                .header("Content-Location");
        String path = status.substring(status.indexOf("/fhir/r4/"));

        // The worklist's part is still running: so is the export.
        ehr().get(path).then().statusCode(202).header("Retry-After", equalTo("2"));
        Backends.finishWorklistExports = true;
        ehr().get(path).then().statusCode(200)
                .body("transactionTime", equalTo("2026-12-06T07:00:00Z"))
                .body("requiresAccessToken", equalTo(true))
                .body("output", hasSize(5))
                .body("output.type", hasItems("IntakeThing", "TreatmentplanThing", "WorklistThing"))
                .body("output.find { it.type == 'IntakeThing' }.url", startsWith("http://localhost"))
                .body("output.find { it.type == 'IntakeThing' }.url",
                        containsString("/fhir/r4/$export-file/" + path.substring(path.lastIndexOf('/') + 1)
                                + "/intake/IntakeThing.ndjson"));
        String file = ehr().get(path).jsonPath().getString("output.find { it.type == 'SchedulingThing' }.url");
        String ndjson = ehr().get(file.substring(file.indexOf("/fhir/r4/"))).then().statusCode(200)
                .contentType("application/fhir+ndjson").extract().asString();
        assertEquals("{\"resourceType\":\"Basic\",\"id\":\"scheduling-1\"}\n", ndjson);

        // A client that percent-encodes the $ reaches the same export.
        ehr().get(path.replace("$", "%24")).then().statusCode(200);
        // A service that lost its part (its database restored): the export is no longer whole, never short.
        Backends.lostExports = Backend.AFTERCARE;
        try {
            ehr().get(path).then().statusCode(404).body("issue[0].diagnostics", containsString("aftercare"));
        } finally {
            Backends.lostExports = null;
        }
        assertEquals("{\"parts\":[\"intake\",\"treatment-plan\",\"scheduling\",\"aftercare\",\"worklist\"]}",
                Backends.EXPORT_SCOPES.get(Backend.INTAKE), "every part is told the others");
        ehr().delete(path).then().statusCode(202);
    }

    @Test
    void aGroupsExportHoldsItsMembersAloneAsSchedulingNamesThem() {
        Backends.finishWorklistExports = true;
        Backends.EXPORT_SCOPES.clear();
        ehr().header("Prefer", "respond-async").get("/fhir/r4/Patient/$export").then().statusCode(202);
        assertEquals(false, Backends.EXPORT_SCOPES.get(Backend.INTAKE).contains("patients"), "every patient's");

        Backends.EXPORT_SCOPES.clear();
        String status = ehr().header("Prefer", "respond-async").get("/fhir/r4/Group/evening/%24export?_type=Patient")
                .then().statusCode(202).extract().header("Content-Location");
        String members = new io.vertx.core.json.JsonObject().put("parts", new io.vertx.core.json.JsonArray()
                .add("intake")).put("patients", new io.vertx.core.json.JsonArray(Backends.MEMBERS)).encode();
        assertEquals(java.util.Map.of(Backend.INTAKE, members), Backends.EXPORT_SCOPES, "the members, of intake");
        ehr().get(status.substring(status.indexOf("/fhir/r4/"))).then().statusCode(200);

        Backends.EXPORT_SCOPES.clear();
        ehr().header("Prefer", "respond-async").get("/fhir/r4/Group/morning/$export").then().statusCode(404)
                .contentType("application/fhir+json");
        assertEquals(java.util.Map.of(), Backends.EXPORT_SCOPES, "no part started for a group not found");
    }

    @Test
    void whatCannotBeExportedIsRefusedBeforeAnyServiceIsAsked() {
        int before = Backends.received(Backend.INTAKE);
        refused(ehr(), "/fhir/r4/Patient/$export", "Prefer: respond-async");
        refused(ehr().header("Prefer", "respond-async"), "/fhir/r4/Patient/$export?_typeFilter=CarePlan",
                "_typeFilter is not a parameter");
        refused(ehr().header("Prefer", "respond-async"), "/fhir/r4/Patient/$export?_type=Claim", "_type must name");
        refused(ehr().header("Prefer", "respond-async"), "/fhir/r4/Patient/$export?_outputFormat=text/csv",
                "_outputFormat");
        assertEquals(before, Backends.received(Backend.INTAKE));
        given().get("/fhir/r4/Patient/$export").then().statusCode(401);
        ehr().get("/fhir/r4/$export-file/" + UUID.randomUUID() + "/billing/Claim.ndjson").then().statusCode(404);
    }

    private static void refused(RequestSpecification request, String path, String detail) {
        request.get(path).then().statusCode(400).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString(detail));
    }

    private static RequestSpecification ehr() {
        return given().auth().oauth2(EHR).urlEncodingEnabled(false);
    }
}
