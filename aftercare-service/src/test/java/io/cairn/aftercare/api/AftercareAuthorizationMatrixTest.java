package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
class AftercareAuthorizationMatrixTest {

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

    /** A graduate with an aftercare referral (R) whose 7-day check-in (C) is due. */
    record Fixture(UUID patient, String referral, String checkIn) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String referral = Aftercare.referralAfterGraduation(patient, LocalDate.now(ZoneOffset.UTC).minusDays(8))
                    .getString("id");
            return new Fixture(patient, referral, Aftercare.checkIn(referral, 7));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{R}", referral).replace("{C}", checkIn);
        }
    }

    record Endpoint(String method, String path, String body, boolean changesState, String expected) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                          none coord clin sched case dir own other ehr
            new Endpoint("GET", "/aftercare-referrals?patientId={P}", null, false,
                    "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/aftercare-referrals/{R}", null, false, "401 403 200 403 200 200 200 404 404"),
            new Endpoint("GET", "/aftercare-referrals/{R}/check-ins", null, false,
                    "401 403 200 403 200 200 200 404 404"),
            new Endpoint("POST", "/aftercare-referrals/{R}/relapses", "{\"note\":\"drinking again\"}", true,
                    "401 403 403 403 201 403 403 403 403"),
            new Endpoint("GET", "/check-ins", null, false, "401 403 403 403 200 200 403 403 403"),
            new Endpoint("POST", "/check-ins/{C}/outcome", "{\"reached\":true,\"relapse\":false}", true,
                    "401 403 403 403 200 403 200 404 403"),
            new Endpoint("GET", "/outcomes?from=2026-01-01&to=2026-12-31", null, false,
                    "401 403 403 403 403 200 403 403 403"));

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
            case CLINICIAN -> Tokens.forRole(Roles.CLINICIAN);
            case SCHEDULER -> Tokens.forRole(Roles.SCHEDULER);
            case CASE_MANAGER -> CASE_MANAGER;
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
