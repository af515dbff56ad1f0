package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.sessionJson;
import static io.cairn.scheduling.api.Schedule.CLINICIAN;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
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

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class SchedulingAuthorizationMatrixTest {

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

    /** A patient booked in a past group session (S) that has a note, and a track (T). */
    record Fixture(UUID patient, String session, String track) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String session = AttendanceTest.session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00",
                    10);
            book(session, patient);
            as(CLINICIAN).body("""
                    {"topic":"t","content":"c","parts":[{"patientId":"%s","text":"own part"}]}""".formatted(patient))
                    .put("/sessions/" + session + "/note").then().statusCode(200);
            return new Fixture(patient, session, Schedule.track("adolescent", "evening", 5));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{S}", session).replace("{T}", track)
                    .replace("{NEW_SESSION}", sessionJson("facilitator-" + UUID.randomUUID(), today().plusDays(5),
                            "09:00", "10:00", 5))
                    .replace("{FROM}", today().plusDays(1).toString()).replace("{TO}", today().plusDays(7).toString())
                    .replace("{NEW_PATIENT}", UUID.randomUUID().toString());
        }
    }

    record Endpoint(String method, String path, String body, boolean changesState, String expected) {
    }

    static final String TRACK = """
            {"name":"m","scheduleType":"evening","ageGroup":"adolescent","capacity":5,"facilitatorId":"f-{NEW_PATIENT}",
             "activeFrom":"2026-01-01","blocks":[{"day":"MONDAY","start":"18:00","end":"20:00",
             "groupType":"process-group","title":"t"}]}""";

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                   none coord clin sched case dir own other ehr
            new Endpoint("POST", "/tracks", TRACK, true, "401 403 403 201 403 403 403 403 403"),
            new Endpoint("GET", "/tracks", null, false, "401 403 200 200 403 200 403 403 403"),
            new Endpoint("GET", "/tracks/{T}", null, false, "401 403 200 200 403 200 403 403 403"),
            new Endpoint("POST", "/tracks/{T}/sessions", "{\"from\":\"{FROM}\",\"to\":\"{TO}\"}", true,
                    "401 403 403 200 403 403 403 403 403"),
            new Endpoint("POST", "/sessions", "{NEW_SESSION}", true, "401 403 403 201 403 403 403 403 403"),
            new Endpoint("GET", "/sessions?from={FROM}&to={TO}", null, false, "401 403 200 200 403 200 403 403 403"),
            new Endpoint("GET", "/sessions/{S}", null, false, "401 403 200 200 403 200 403 403 403"),
            new Endpoint("POST", "/sessions/{S}/bookings", "{\"patientId\":\"{NEW_PATIENT}\"}", true,
                    "401 403 403 201 403 403 403 403 403"),
            new Endpoint("PUT", "/sessions/{S}/note", "{\"topic\":\"t\",\"content\":\"c\"}", true,
                    "401 403 200 403 403 403 403 403 403"),
            new Endpoint("GET", "/sessions/{S}/note", null, false, "401 403 200 403 403 200 200 404 404"),
            new Endpoint("GET", "/enrollments", null, false, "401 403 200 200 200 200 403 403 403"),
            new Endpoint("POST", "/attendance", """
                    {"sessionId":"{S}","records":[{"patientId":"{P}","status":"present","minutesAttended":120}]}""",
                    true, "401 403 200 200 403 403 403 403 403"),
            new Endpoint("GET", "/patients/{P}/schedule", null, false, "401 403 200 200 200 200 200 404 404"),
            new Endpoint("GET", "/patients/{P}/schedule.ics", null, false, "401 403 200 200 200 200 200 404 404"),
            new Endpoint("GET", "/patients/{P}/hours", null, false, "401 403 200 200 200 200 200 404 404"),
            new Endpoint("GET", "/hours/under-target", null, false, "401 403 200 200 403 200 403 403 403"));

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
        RequestSpecification request = given().basePath("/api/v1").contentType(ContentType.JSON)
                .accept(endpoint.path().endsWith(".ics") ? "text/calendar, application/problem+json"
                        : "application/json, application/problem+json");
        String token = switch (caller) {
            case NONE -> null;
            case INTAKE_COORDINATOR -> Tokens.forRole(Roles.INTAKE_COORDINATOR);
            case CLINICIAN -> CLINICIAN;
            case SCHEDULER -> SCHEDULER;
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
