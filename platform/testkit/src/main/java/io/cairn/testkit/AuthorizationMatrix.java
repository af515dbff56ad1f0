package io.cairn.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Roles;
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
 * not, 401 without a token, 404 for a record of a patient the caller may not know exists; every refusal is
 * problem+json. A service's test extends it with {@code @QuarkusTest}, its endpoints and a fixture to call them on.
 *
 * @param <F> the records the endpoints are called on; a fresh one for each call that changes state
 */
public abstract class AuthorizationMatrix<F> {

    /** The columns of every expected-status string, in this order. */
    public enum Caller {
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

    /**
     * @param expected one status per {@link Caller}, separated by spaces
     * @param changesState a call that is let through gets a fixture of its own
     */
    public record Endpoint(String method, String path, String body, boolean changesState, String expected) {
    }

    protected abstract List<Endpoint> endpoints();

    protected abstract F fixture();

    /** The patient whose own token is {@link Caller#OWN_PATIENT}. */
    protected abstract UUID patientOf(F fixture);

    /** Puts the fixture's ids into a path or body template. */
    protected abstract String fill(F fixture, String template);

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        F shared = fixture();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String[] expected = endpoint.expected().split(" ");
            assertEquals(Caller.values().length, expected.length, endpoint.path());
            for (Caller caller : Caller.values()) {
                int status = Integer.parseInt(expected[caller.ordinal()]);
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + caller + " → "
                        + status, () -> {
                            F fixture = endpoint.changesState() && status < 400 ? fixture() : shared;
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

    private Response call(Endpoint endpoint, F fixture, Caller caller) {
        RequestSpecification request = given().basePath("/api/v1").contentType(ContentType.JSON)
                .accept(endpoint.path().endsWith(".ics") ? "text/calendar, application/problem+json"
                        : "application/json, application/problem+json");
        String token = switch (caller) {
            case NONE -> null;
            case INTAKE_COORDINATOR -> Tokens.forRole(Roles.INTAKE_COORDINATOR);
            case CLINICIAN -> Tokens.forRole(Roles.CLINICIAN);
            case SCHEDULER -> Tokens.forRole(Roles.SCHEDULER);
            case CASE_MANAGER -> Tokens.forRole(Roles.CASE_MANAGER);
            case PROGRAM_DIRECTOR -> Tokens.forRole(Roles.PROGRAM_DIRECTOR);
            case OWN_PATIENT -> Tokens.forPatient(patientOf(fixture));
            case OTHER_PATIENT -> Tokens.forPatient(UUID.randomUUID());
            case EHR_WITHOUT_CONSENT -> Tokens.forEhrClient("ehr-without-consent");
        };
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.body(fill(fixture, endpoint.body()));
        }
        return request.request(endpoint.method(), fill(fixture, endpoint.path()));
    }
}
