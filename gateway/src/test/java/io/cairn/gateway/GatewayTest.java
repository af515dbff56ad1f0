package io.cairn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.TokenVerifications;
import io.cairn.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(Backends.class)
class GatewayTest {

    static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /api/v1/patients?name=Reyes&page=0, INTAKE",
            "POST, /api/v1/referrals, INTAKE",
            "GET, /api/v1/screeners/PHQ-9, INTAKE",
            "PUT, /api/v1/treatment-plans/7d1c/progress, TREATMENT_PLAN",
            "GET, /api/v1/tracks, SCHEDULING",
            "POST, /api/v1/attendance, SCHEDULING",
            "GET, /api/v1/patients/7d1c/schedule.ics, SCHEDULING",
            "GET, /api/v1/patients/7d1c/hours, SCHEDULING",
            "GET, /api/v1/hours/under-target?isoWeek=2026-W48, SCHEDULING",
            "GET, /api/v1/patients/7d1c/measures, TREATMENT_PLAN",
            "GET, /api/v1/patients/7d1c/measures/due, TREATMENT_PLAN",
            "GET, /api/v1/patients/7d1c/measures/schedule, TREATMENT_PLAN",
            "GET, /api/v1/patients/7d1c/measures/due/extra, INTAKE",
            "GET, /api/v1/measure-outcomes?from=2026-01-01&to=2026-03-31, TREATMENT_PLAN",
            "POST, /api/v1/check-ins/9f/outcome, AFTERCARE",
            "GET, /api/v1/outcomes?from=2026-01-01&to=2026-03-31, AFTERCARE",
            "GET, /api/v1/tasks?assignee=me&kind=safety-alert, WORKLIST",
            "GET, /api/v1/tasks/5e, WORKLIST",
            "GET, /fhir/r4/Patient?identifier=MRN-1, INTAKE",
            "POST, /fhir/r4/ServiceRequest, INTAKE",
            "GET, /fhir/r4/Consent?patient=7d1c&status=active, INTAKE",
            "GET, /fhir/r4/CarePlan?patient=7d1c, TREATMENT_PLAN",
            "GET, /fhir/r4/Goal/4b, TREATMENT_PLAN",
            "GET, /fhir/r4/Appointment?patient=7d1c&_count=10, SCHEDULING",
            "GET, /fhir/r4/Encounter/9f, SCHEDULING",
            "GET, /fhir/r4/EpisodeOfCare/2a, AFTERCARE" })
    void eachRouteReachesItsServiceWithPathQueryBodyAndHeadersIntact(String method, String uri, Backend backend) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        String query = uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : null;

        ValidatableResponse response = given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .body(method.equals("GET") ? "" : "{\"note\":\"über\"}")
                .request(method, uri).then().statusCode(200)
                .header("X-Backend", backend.name())
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo(method)).body("path", equalTo(path))
                .body("headers.authorization", equalTo("Bearer " + CLINICIAN))
                .body("headers.traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"))
                .body("headers.x-forwarded-proto", equalTo("http"));
        if (query != null) {
            response.body("query", equalTo(query));
        }
        if (!method.equals("GET")) {
            response.body("body", equalTo("{\"note\":\"über\"}"));
        }
    }

    /**
     * The services write the forwarded address into their links: a client that names one passes it on, one that names
     * no address (or several) gets the gateway's own, checked once for the services and the gateway alike.
     */
    @Test
    void aForwardedAddressReachesTheServicesOnlyWhenItIsOne() {
        given().auth().oauth2(CLINICIAN).header("X-Forwarded-Host", "clinic.example.org:8443")
                .header("X-Forwarded-Proto", "https").get("/api/v1/tracks").then().statusCode(200)
                .body("headers.x-forwarded-host", equalTo("clinic.example.org:8443"))
                .body("headers.x-forwarded-proto", equalTo("https"));
        for (String host : List.of("evil.example/phish?", "a.example, b.example", "x\"><script>")) {
            given().auth().oauth2(CLINICIAN).header("X-Forwarded-Host", host).header("X-Forwarded-Proto", "javascript")
                    .get("/api/v1/tracks").then().statusCode(200)
                    .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"))
                    .body("headers.x-forwarded-proto", equalTo("http"));
        }
    }

    @Test
    void aRequestIdFromTheClientIsKept() {
        given().auth().oauth2(CLINICIAN).header("X-Request-Id", "ehr-batch-42").get("/api/v1/tracks").then()
                .statusCode(200).header("X-Request-Id", "ehr-batch-42").body("headers.x-request-id",
                        equalTo("ehr-batch-42"));
    }

    @Test
    void anUnknownPathIs404ProblemJson() {
        given().auth().oauth2(CLINICIAN).get("/api/v1/billing/invoices").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://cairn.io/problems/not-found"));
    }

    @Test
    void theGatewaysOwnFhirErrorsAreOperationOutcomes() {
        int before = Backends.received(Backend.INTAKE);
        String unauthorized = given().get("/fhir/r4/Patient/7d1c").then().statusCode(401)
                .contentType("application/fhir+json").header("WWW-Authenticate", "Bearer")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("login"))
                .extract().asString();
        String unknownType = given().auth().oauth2(CLINICIAN).get("/fhir/r4/Medication/1").then().statusCode(404)
                .contentType("application/fhir+json").body("issue[0].code", equalTo("not-found"))
                .extract().asString();
        FhirValidation.assertValid(unauthorized);
        FhirValidation.assertValid(unknownType);
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    @Test
    void theFhirCapabilityStatementIsPublicAndMergesEveryServices() {
        String statement = given().accept("application/fhir+json").get("/fhir/r4/metadata").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("implementation.url", matchesPattern("http://localhost:\\d+/fhir/r4"))
                .body("rest[0].security.description", equalTo("bearer tokens"))
                .body("rest[0].resource.type", containsInAnyOrder(Stream.of(Backend.values())
                        .flatMap(backend -> Backends.fhirTypes(backend).stream()).distinct().toArray()))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam.name",
                        containsInAnyOrder("patient", "status"))
                .body("rest[0].resource.find { it.type == 'Patient' }.operation.name", contains("everything", "export"))
                .body("rest[0].resource.find { it.type == 'Patient' }.operation[0].definition",
                        equalTo("http://hl7.org/fhir/OperationDefinition/Patient-everything"))
                .extract().asString();
        FhirValidation.assertValid(statement);
    }

    /**
     * The statement is public, so a client names whatever forwarded address it likes: each gets its own address back
     * when it is one, and none has the backends asked again; one that is no address is not written back.
     */
    @Test
    void theCapabilityStatementIsBuiltOnceWhateverAddressClientsName() {
        given().accept("application/fhir+json").get("/fhir/r4/metadata").then().statusCode(200);
        int fetched = Backends.metadataFetched();
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-Host", "ehr" + i + ".example.org").header("X-Forwarded-Proto", "https")
                    .get("/fhir/r4/metadata").then().statusCode(200)
                    .body("implementation.url", equalTo("https://ehr" + i + ".example.org/fhir/r4"));
        }
        // At most one more build (the minute's cache may expire meanwhile), not one per address.
        assertTrue(Backends.metadataFetched() - fetched <= Backend.values().length,
                "the statement was built again for another address");
        String statement = given().header("X-Forwarded-Host", "evil.example\",\"url\":\"x")
                .header("X-Forwarded-Proto", "javascript").get("/fhir/r4/metadata").then().statusCode(200)
                .body("implementation.url", matchesPattern("http://localhost:\\d+/fhir/r4")).extract().asString();
        FhirValidation.assertValid(statement);
    }

    @Test
    void badTokensAre401AndNothingReachesABackend() {
        int before = Backends.received(Backend.INTAKE);
        for (String token : List.of(Tokens.expired(Roles.CLINICIAN), Tokens.fromOtherIssuer(Roles.CLINICIAN),
                Tokens.signedByStranger(Roles.CLINICIAN), Tokens.unsigned(Roles.CLINICIAN),
                Tokens.forOtherAudience(Roles.CLINICIAN), "not-a-token")) {
            given().auth().oauth2(token).get("/api/v1/patients").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        }
        given().get("/api/v1/patients").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/billing").then().statusCode(401);
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    /** Intake's service account reads inside the cluster; its token is refused at the public entry. */
    @Test
    void aServiceAccountsTokenIs403AndReachesNoBackend() {
        int before = Backends.received(Backend.TREATMENT_PLAN);
        given().auth().oauth2(Tokens.forRole(Roles.SUBSCRIPTION_SENDER)).get("/fhir/r4/CarePlan/" + java.util.UUID
                .randomUUID()).then().statusCode(403).contentType("application/fhir+json");
        given().auth().oauth2(Tokens.forRole(Roles.SUBSCRIPTION_SENDER)).get("/api/v1/patients").then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(before, Backends.received(Backend.TREATMENT_PLAN));
    }

    @Test
    void overTheLimitIs429WithRetryAfter() {
        String client = Tokens.forEhrClient("ehr-rate-limited");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(client).contentType(ContentType.JSON).body("{}").post("/api/v1/referrals").then()
                    .statusCode(200);
        }
        given().auth().oauth2(client).contentType(ContentType.JSON).body("{}").post("/api/v1/referrals").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"));
        given().auth().oauth2(client).get("/api/v1/screeners").then().statusCode(200);
    }

    @Test
    void aStoppedBackendIs503AndASlowOneIs504WithoutLeakingAddresses() throws Exception {
        Backends.stop(Backend.AFTERCARE);
        try {
            given().auth().oauth2(CLINICIAN).get("/api/v1/outcomes").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body(not(containsString("localhost"))).body(not(containsString("127.0.0.1")));
            FhirValidation.assertValid(given().auth().oauth2(CLINICIAN).get("/fhir/r4/EpisodeOfCare/2a").then()
                    .statusCode(503).contentType("application/fhir+json").body("issue[0].code", equalTo("transient"))
                    .body(not(containsString("localhost"))).extract().asString());
        } finally {
            Backends.restart(Backend.AFTERCARE);
        }
        given().auth().oauth2(CLINICIAN).get("/api/v1/outcomes").then().statusCode(200);
        given().auth().oauth2(CLINICIAN).get("/api/v1/tracks/slow").then().statusCode(504)
                .contentType("application/problem+json").body(not(containsString("localhost")));
    }

    @Test
    void aGetWaitingForAConnectionToItsServiceIsNotTakenForASlowBody() throws Exception {
        // Eight slow requests over the test's two connections to a service: the later ones wait for a connection
        // longer than the body timeout (700 ms), and a GET has no body to wait for. Each gets the service's 504.
        var answers = eightSlowRequests(Tokens.forEhrClient("waits-for-a-connection"), java.time.Duration.ofSeconds(30));
        for (var answer : answers) {
            assertEquals(504, answer.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void clientsThatLeaveWhileTheirRequestsWaitDoNotHoldTheServicesConnections() throws Exception {
        String token = Tokens.forEhrClient("leaves-early");
        var abandoned = eightSlowRequests(token, java.time.Duration.ofMillis(300));
        for (var request : abandoned) {
            assertTrue(request.handle((answer, failure) -> failure).get(10, java.util.concurrent.TimeUnit.SECONDS)
                    .getCause() instanceof java.net.http.HttpTimeoutException);
        }
        var fresh = HTTP_1_1.send(get("/api/v1/tracks", token, java.time.Duration.ofSeconds(5)),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fresh.statusCode(), fresh.body());
    }

    @Test
    void aTokenIsVerifiedOnceThenRemembered() {
        TokenVerifications.assertCheckedOnceThenRemembered(Roles.SCHEDULER, "/api/v1/tracks");
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() {
        // The gateway remembers the token as verified (for up to a minute), but not past its expiry.
        TokenVerifications.assertRefusedOnceExpired(Roles.SCHEDULER, "/api/v1/tracks");
    }

    private static final java.net.http.HttpClient HTTP_1_1 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** Eight slow requests at once (HTTP/1.1: a connection each), each given up after {@code timeout}. */
    private static List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> eightSlowRequests(
            String token, java.time.Duration timeout) {
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(HTTP_1_1.sendAsync(get("/api/v1/tracks/slow", token, timeout),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    private static java.net.http.HttpRequest get(String path, String token, java.time.Duration timeout) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + path)).header("Authorization", "Bearer " + token)
                .timeout(timeout).GET().build();
    }

    @Test
    void anOversizedBodyIs413BeforeAnyBackend() {
        int before = Backends.received(Backend.INTAKE);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(1_100_000) + "\"}")
                .post("/api/v1/referrals").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    @Test
    void aVeryLongUriIs414ProblemBeforeAnyBackend() throws Exception {
        int before = Backends.received(Backend.INTAKE);
        given().auth().oauth2(CLINICIAN).get("/api/v1/patients/" + "a".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json");
        given().auth().oauth2(CLINICIAN).queryParam("name", "x".repeat(10_000)).get("/api/v1/patients").then()
                .statusCode(414).contentType("application/problem+json");
        // Over HTTP/2 the path is a header: the second request on the upgraded connection.
        var http = java.net.http.HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 2; attempt++) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                            + "/api/v1/patients?name=" + "x".repeat(10_000)))
                    .header("Authorization", "Bearer " + CLINICIAN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(414, response.statusCode(), response.version() + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    @Test
    void aBodyTrickledInSlowerThanTheTimeoutIsCutOffWith408() throws Exception {
        int before = Backends.received(Backend.INTAKE);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/referrals HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.forRole(Roles.PROGRAM_DIRECTOR) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            // One byte every 300 ms, on a timer, until the gateway cuts the connection.
            var trickle = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 300, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
            String status = in.readLine();
            assertEquals("HTTP/1.1 408 Request Timeout", status);
            String line;
            do {
                line = in.readLine();
            } while (line != null);
            long seconds = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();
            org.junit.jupiter.api.Assertions.assertTrue(seconds < 8, "cut off after " + seconds + " s");
            trickle.shutdownNow();
        }
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    @Test
    void aRequestWithoutABodyNeedsNoLength() throws Exception {
        // Over HTTP/2 the first request upgrades the connection; the second is a stream whose headers end it.
        var http = java.net.http.HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 2; attempt++) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                            + "/api/v1/assessments/7d1e52a4-2b48-4b3a-9d7e-3c1c0f3c8b11/complete"))
                    .header("Authorization", "Bearer " + Tokens.forRole(Roles.SCHEDULER))
                    .timeout(java.time.Duration.ofSeconds(5))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.version() + ": " + response.body());
            assertEquals("", new JsonObject(response.body()).getString("body"));
        }
    }

    @Test
    void aStreamedBodyIsForwardedWithItsLength() throws Exception {
        var response = sendWithoutLength("/api/v1/referrals", java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream("{\"a\":1}".getBytes())),
                Tokens.forRole(
                        Roles.INTAKE_COORDINATOR),
                java.net.http.HttpClient.Version.HTTP_1_1);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject echo = new JsonObject(response.body());
        assertEquals("{\"a\":1}", echo.getString("body"));
        assertEquals("7", echo.getJsonObject("headers").getString("content-length"));
    }

    @Test
    void aStreamedBodyOverTheLimitIs413BeforeAnyBackend() throws Exception {
        int before = Backends.received(Backend.INTAKE);
        byte[] large = ("{\"x\":\"" + "a".repeat(1_100_000) + "\"}").getBytes();
        var response = sendWithoutLength("/api/v1/referrals", java.net.http.HttpRequest.BodyPublishers
                .ofInputStream(() -> new java.io.ByteArrayInputStream(large)), Tokens.forRole(Roles.CASE_MANAGER),
                java.net.http.HttpClient.Version.HTTP_1_1);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before, Backends.received(Backend.INTAKE));
    }

    private static java.net.http.HttpResponse<String> sendWithoutLength(String path,
            java.net.http.HttpRequest.BodyPublisher body, String token, java.net.http.HttpClient.Version version)
            throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(version).build();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI
                + ":" + io.restassured.RestAssured.port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(body).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMergedOpenApiDocumentIsValidAndHasEveryServicesOperations() {
        String document = given().get("/openapi").then().statusCode(200).extract().asString();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
        assertEquals(List.of(), parsed.getMessages());
        for (String service : List.of("intake", "treatment-plan", "scheduling", "aftercare", "worklist")) {
            assertTrue(parsed.getOpenAPI().getPaths().containsKey("/api/v1/" + service + "-things"), service);
            assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey(service + "Thing"), service);
        }
        // Every operation's security names the scheme the document defines: a generated client sends the token.
        parsed.getOpenAPI().getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getSecurity() == null ? java.util.stream.Stream.empty()
                        : operation.getSecurity().stream())
                .flatMap(requirement -> requirement.keySet().stream())
                .forEach(scheme -> assertTrue(parsed.getOpenAPI().getComponents().getSecuritySchemes()
                        .containsKey(scheme), scheme));
        // The Quarkus convention serves the same document.
        assertEquals(document, given().get("/q/openapi").then().statusCode(200).extract().asString());
        // Who answers for the API, and under which license: what linters and client developers look for.
        assertEquals("Apache-2.0", parsed.getOpenAPI().getInfo().getLicense().getIdentifier());
        assertNotNull(parsed.getOpenAPI().getInfo().getContact().getEmail());
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void browsersGetCorsOnlyForConfiguredOriginsAndSafetyHeaders() {
        given().header("Origin", "https://app.cairn.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/patients").then()
                .header("Access-Control-Allow-Origin", "https://app.cairn.example");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/patients").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(CLINICIAN).get("/api/v1/tracks").then()
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void metricsCountRequestsPerRouteAndStatus() {
        given().auth().oauth2(CLINICIAN).get("/api/v1/tracks").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cairn_gateway_requests_seconds_count{method=\"GET\",route=\"tracks\",status=\"200\"}"));
    }
}
