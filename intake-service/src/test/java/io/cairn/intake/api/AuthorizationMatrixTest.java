package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.CLINICIAN;
import static io.cairn.intake.api.Intake.COORDINATOR;
import static io.cairn.intake.api.Intake.IOP_RATINGS;
import static io.cairn.intake.api.Intake.NO_SUICIDE_RISK;
import static io.cairn.intake.api.Intake.fullAssessment;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.patientJson;
import static io.cairn.intake.api.Intake.receiveReferral;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint × every caller → the status ARCHITECTURE.md's roles give: 2xx where the role may, 403 where it may
 * not, 401 without a token, and 404 for a patient's record the caller may not know exists.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Columns of the expected-status strings below, in this order. */
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

    record Fixture(UUID patient, UUID referral, UUID consent, UUID assessment) {

        static Fixture create() {
            UUID patient = registerPatient();
            UUID referral = receiveReferral(patient);
            UUID consent = giveConsent(patient, "ehr-someone-else", "\"demographics\",\"assessments\"");
            UUID assessment = startAssessment(patient);
            saveFullAssessment(assessment).statusCode(200);
            return new Fixture(patient, referral, consent, assessment);
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{R}", referral.toString())
                    .replace("{C}", consent.toString()).replace("{A}", assessment.toString());
        }
    }

    record Endpoint(String method, String path, String body, boolean changesState, String expected) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                     none coord clin sched case dir own other ehr
            new Endpoint("POST", "/patients", patientJson("Matrix", "MRN-{new}"), true,
                    "401 201 403 403 403 403 403 403 201"),
            new Endpoint("GET", "/patients?name=Matrix", null, false, "401 200 200 403 403 200 403 403 400"),
            new Endpoint("GET", "/patients/{P}", null, false, "401 200 200 403 403 200 200 404 404"),
            new Endpoint("PUT", "/patients/{P}", patientJson("Matrix", "MRN-{new}").replace("}]}", "}],\"version\":0}"),
                    true, "401 200 403 403 403 403 403 403 403"),
            new Endpoint("GET", "/patients/{P}/disclosures", null, false, "401 200 403 403 403 200 200 404 403"),
            new Endpoint("POST", "/referrals", """
                    {"patientId":"{P}","source":"ehr","reason":"step-down","urgency":"routine"}""", true,
                    "401 201 403 403 403 403 403 403 201"),
            new Endpoint("GET", "/referrals?patientId={P}", null, false, "401 200 200 403 403 200 200 404 404"),
            new Endpoint("GET", "/referrals/{R}", null, false, "401 200 200 403 403 200 200 404 404"),
            new Endpoint("POST", "/referrals/{R}/transitions", "{\"to\":\"screening\"}", true,
                    "401 200 403 403 403 403 403 403 403"),
            new Endpoint("POST", "/consents", """
                    {"patientId":"{P}","recipient":"ehr-x","purpose":"treatment","recordCategories":["demographics"]}""",
                    true, "401 201 403 403 403 403 403 403 403"),
            new Endpoint("GET", "/consents?patientId={P}", null, false, "401 200 403 403 403 200 200 404 403"),
            new Endpoint("GET", "/consents/{C}", null, false, "401 200 403 403 403 200 200 404 403"),
            new Endpoint("POST", "/consents/{C}/revoke", "{}", true, "401 200 403 403 403 403 403 403 403"),
            new Endpoint("GET", "/screeners", null, false, "401 200 200 200 200 200 200 200 200"),
            new Endpoint("GET", "/screeners/PHQ-9", null, false, "401 200 200 200 200 200 200 200 200"),
            new Endpoint("POST", "/assessments", "{\"patientId\":\"{P}\"}", true,
                    "401 201 201 403 403 403 403 403 403"),
            new Endpoint("GET", "/assessments?patientId={P}", null, false, "401 200 200 403 403 200 403 403 404"),
            new Endpoint("GET", "/assessments/{A}", null, false, "401 200 200 403 403 200 403 403 404"),
            new Endpoint("PUT", "/assessments/{A}", fullAssessment(1, IOP_RATINGS, 0, NO_SUICIDE_RISK), true,
                    "401 403 200 403 403 403 403 403 403"),
            new Endpoint("POST", "/assessments/{A}/level-of-care", "{\"levelOfCare\":\"2.1\"}", true,
                    "401 403 200 403 403 403 403 403 403"),
            new Endpoint("GET", "/assessments/{A}/level-of-care", null, false, "401 200 200 403 403 200 403 403 403"),
            new Endpoint("POST", "/assessments/{A}/complete", null, true, "401 403 200 403 403 403 403 403 403"));

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
                            Fixture fixture = endpoint.changesState() ? Fixture.create() : shared;
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
        String token = token(caller, fixture);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.body(fixture.fill(endpoint.body()).replace("{new}", UUID.randomUUID().toString()));
        }
        return request.request(endpoint.method(), fixture.fill(endpoint.path()));
    }

    private static String token(Caller caller, Fixture fixture) {
        return switch (caller) {
            case NONE -> null;
            case INTAKE_COORDINATOR -> COORDINATOR;
            case CLINICIAN -> CLINICIAN;
            case SCHEDULER -> Tokens.forRole(Roles.SCHEDULER);
            case CASE_MANAGER -> Tokens.forRole(Roles.CASE_MANAGER);
            case PROGRAM_DIRECTOR -> Tokens.forRole(Roles.PROGRAM_DIRECTOR);
            case OWN_PATIENT -> Tokens.forPatient(fixture.patient());
            case OTHER_PATIENT -> Tokens.forPatient(UUID.randomUUID());
            case EHR_WITHOUT_CONSENT -> Tokens.forEhrClient("ehr-without-consent");
        };
    }
}
