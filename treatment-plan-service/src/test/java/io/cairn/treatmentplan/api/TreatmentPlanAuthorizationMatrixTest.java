package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class TreatmentPlanAuthorizationMatrixTest {

    enum Caller {
        NONE,
        INTAKE_COORDINATOR,
        CLINICIAN,
        SCHEDULER,
        CASE_MANAGER,
        PROGRAM_DIRECTOR,
        OWN_PATIENT,
        OTHER_PATIENT,
        EHR_WITHOUT_CONSENT
    }

    /** A patient with an active plan (A) and, from a later assessment, a draft plan (D). */
    record Fixture(UUID patient, String active, String draft, String objective, JsonPath draftPlan) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String active = activePlan(patient);
            String objective = as(CLINICIAN).get("/treatment-plans/" + active).jsonPath()
                    .getString("problems[0].objectives[0].id");
            EventRecords.send(EventRecords.of(Plans.assessment(patient, LevelOfCare.INTENSIVE_OUTPATIENT)));
            await().atMost(Duration.ofSeconds(20)).until(() -> Plans.plansOf(patient).getList("").size() == 2);
            String draft = Plans.plansOf(patient).getString("find { it.status == 'draft' }.id");
            return new Fixture(patient, active, draft, objective,
                    JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + draft).asString()));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{A}", active).replace("{D}", draft)
                    .replace("{O}", objective).replace("{TODAY}", LocalDate.now(ZoneOffset.UTC).toString())
                    .replace("{EDIT}", PlanLifecycleTest.editBody(draftPlan, 1, "9"));
        }
    }

    record Endpoint(String method, String path, String body, boolean changesState, String expected) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                          none coord clin sched case dir own other ehr
            new Endpoint("GET", "/treatment-plans?patientId={P}", null, false, "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/{A}", null, false, "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/{A}/versions", null, false, "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/{A}/progress-notes", null, false,
                    "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/{A}/weekly-hours", null, false,
                    "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/{A}/reviews", null, false, "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/treatment-plans/reviews-due", null, false, "401 403 200 403 403 200 403 403 403"),
            new Endpoint("GET", "/treatment-plans/not-admitted?patientId={P}", null, false,
                    "401 403 200 403 200 200 403 403 403"),
            new Endpoint("PUT", "/treatment-plans/{D}", "{EDIT}", true, "401 403 200 403 403 403 403 403 403"),
            new Endpoint("POST", "/treatment-plans/{D}/acknowledge", null, true, "401 403 200 403 403 403 200 404 403"),
            new Endpoint("POST", "/treatment-plans/{D}/approve", null, true, "401 403 409 403 403 403 403 403 403"),
            new Endpoint("POST", "/treatment-plans/{A}/progress-notes", """
                    {"objectiveId":"{O}","status":"progressing","note":"steady"}""", true,
                    "401 403 201 403 403 403 403 403 403"),
            new Endpoint("POST", "/treatment-plans/{A}/reviews", """
                    {"heldOn":"{TODAY}","summary":"on track","objectiveProgress":[]}""", true,
                    "401 403 201 403 403 403 403 403 403"),
            new Endpoint("POST", "/treatment-plans/{A}/graduate", "{\"overrideReason\":\"test\"}", true,
                    "401 403 200 403 403 403 403 403 403"),
            new Endpoint("POST", "/treatment-plans/{A}/discharge", "{\"reason\":\"moved\"}", true,
                    "401 403 200 403 403 403 403 403 403"));

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        Fixture shared = Fixture.create();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            String[] expected = endpoint.expected().split(" ");
            assertEquals(Caller.values().length, expected.length, endpoint.path());
            for (Caller caller : Caller.values()) {
                int status = Integer.parseInt(expected[caller.ordinal()]);
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + caller + " → "
                        + status, () -> {
                            Fixture fixture = endpoint.changesState() && status < 400 ? Fixture.create() : shared;
                            Response response = call(endpoint, fixture, caller);
                            assertEquals(status, response.statusCode(), response.asString());
                            if (status >= 400) {
                                assertEquals("application/problem+json", response.contentType());
                            }
                        }));
            }
        }
        return tests.stream();
    }

    private static Response call(Endpoint endpoint, Fixture fixture, Caller caller) {
        RequestSpecification request = given().basePath("/api/v1").contentType(ContentType.JSON);
        String token = switch (caller) {
            case NONE -> null;
            case INTAKE_COORDINATOR -> Tokens.forRole(Roles.INTAKE_COORDINATOR);
            case CLINICIAN -> CLINICIAN;
            case SCHEDULER -> Tokens.forRole(Roles.SCHEDULER);
            case CASE_MANAGER -> Tokens.forRole(Roles.CASE_MANAGER);
            case PROGRAM_DIRECTOR -> Tokens.forRole(Roles.PROGRAM_DIRECTOR);
            case OWN_PATIENT -> Tokens.forPatient(fixture.patient());
            case OTHER_PATIENT -> Tokens.forPatient(UUID.randomUUID());
            case EHR_WITHOUT_CONSENT -> Tokens.forEhrClient("ehr-without-consent");
        };
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.body(fixture.fill(endpoint.body()));
        }
        return request.request(endpoint.method(), fixture.fill(endpoint.path()));
    }
}
