package io.cairn.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** The running platform as a client sees it: the gateway, and Keycloak for tokens. */
public final class Platform {

    public static final String GATEWAY = System.getProperty("cairn.gateway", "http://localhost:8080");
    public static final String KEYCLOAK = System.getProperty("cairn.keycloak", "http://localhost:8180");
    public static final String TOKEN_URL = KEYCLOAK + "/realms/cairn/protocol/openid-connect/token";

    /** The demo EHR client that signs its own client assertions. */
    public static final String SMART_CLIENT = "ehr-jwt-demo";

    private Platform() {
    }

    /** A demo user's token (password grant of the cairn-cli client). */
    public static String tokenOf(String user, String password) {
        return accessToken(given().formParams(Map.of("grant_type", "password", "client_id", "cairn-cli", "username",
                user, "password", password)).post(TOKEN_URL));
    }

    public static String ehrToken() {
        return accessToken(given().formParams(Map.of("grant_type", "client_credentials", "client_id", "ehr-demo",
                "client_secret", "ehr-demo-secret")).post(TOKEN_URL));
    }

    /**
     * The token of the demo EHR that authenticates as SMART Backend Services ask: the client credentials grant with a
     * client assertion, a short-lived JWT signed (RS384) with the EHR's private key, whose certificate Keycloak holds.
     */
    public static String smartBackendToken(PrivateKey key) {
        return accessToken(requestToken(clientAssertion(key)));
    }

    /** The access token Keycloak granted, failing unless it granted one. */
    private static String accessToken(io.restassured.response.Response grant) {
        return grant.then().statusCode(200).extract().path("access_token");
    }

    /** A client assertion of the demo EHR (RFC 7523), signed with {@code key}. */
    public static String clientAssertion(PrivateKey key) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(SMART_CLIENT);
        claims.setSubject(SMART_CLIENT);
        claims.setAudience(TOKEN_URL);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(1);
        JsonWebSignature assertion = new JsonWebSignature();
        assertion.setPayload(claims.toJson());
        assertion.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA384);
        assertion.setKey(key);
        try {
            return assertion.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The client assertion cannot be signed", e);
        }
    }

    /** The client credentials grant, the client authenticated by its assertion alone. */
    public static io.restassured.response.Response requestToken(String clientAssertion) {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", clientAssertion))
                .post(TOKEN_URL);
    }

    /** The demo EHR's private key (demo only: the production realm has no such client). */
    public static PrivateKey smartBackendKey() {
        try (InputStream store = Platform.class.getResourceAsStream("/ehr-jwt-demo.p12")) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(store, SMART_CLIENT.toCharArray());
            return (PrivateKey) keys.getKey(SMART_CLIENT, SMART_CLIENT.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException("The demo EHR's key store cannot be read", e);
        }
    }

    public static RequestSpecification as(String token) {
        return given().baseUri(GATEWAY).basePath("/api/v1").auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The token of Keycloak's administrator (the local stack's admin / admin), for the admin REST API. */
    public static String keycloakAdminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin")).post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then()
                .statusCode(200).extract().path("access_token");
    }

    /** Gives a registered patient a login, as the clinic's admin would: a Keycloak user carrying their patient id. */
    public static String patientToken(UUID patientId) {
        String username = "patient-" + patientId;
        createUser(username, "journey", "patient", Map.of("patient_id", List.of(patientId.toString())));
        return tokenOf(username, "journey");
    }

    /** A Keycloak user of the cairn realm with one realm role, as the clinic's admin would add one. */
    public static void createUser(String username, String password, String realmRole,
            Map<String, List<String>> attributes) {
        String admin = keycloakAdminToken();
        given().baseUri(KEYCLOAK).auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("username", username,
                "enabled", true, "email", username + "@cairn.example", "emailVerified", true, "firstName", "Test",
                "lastName", "User", "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/admin/realms/cairn/users").then().statusCode(201);
        String userId = given().baseUri(KEYCLOAK).auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).get("/admin/realms/cairn/users").then().statusCode(200).extract()
                .path("[0].id");
        Map<String, Object> role = given().baseUri(KEYCLOAK).auth().oauth2(admin)
                .get("/admin/realms/cairn/roles/" + realmRole).then().statusCode(200).extract().as(Map.class);
        given().baseUri(KEYCLOAK).auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post("/admin/realms/cairn/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }
}
