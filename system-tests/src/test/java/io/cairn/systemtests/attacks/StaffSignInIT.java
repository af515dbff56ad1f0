package io.cairn.systemtests.attacks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.systemtests.Platform;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production's browser flow ("browser with staff OTP", bound by the prod overlay; the local realm has it unbound):
 * staff give a one-time code at every sign-in, and one who has none is made to set it up before going on; a patient
 * signs in with the password alone. Bound here to the mobile app's client only, for the test's own users, and unbound
 * after.
 */
class StaffSignInIT {

    private static final String CLIENT = "cairn-mobile";
    private static final String CALLBACK = "http://localhost:9999/callback";
    private static String clientUuid;

    @BeforeAll
    static void bindTheProductionFlowToTheMobileApp() {
        String admin = Platform.keycloakAdminToken();
        clientUuid = given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin).queryParam("clientId", CLIENT)
                .get("/admin/realms/cairn/clients").then().statusCode(200).extract().path("[0].id");
        String flow = given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin)
                .get("/admin/realms/cairn/authentication/flows").then().statusCode(200).extract()
                .path("find { it.alias == 'browser with staff OTP' }.id");
        bindBrowserFlow(admin, Map.of("browser", flow));
    }

    @AfterAll
    static void unbind() {
        // Keycloak removes a binding given blank; an empty map would leave it.
        bindBrowserFlow(Platform.keycloakAdminToken(), Map.of("browser", ""));
    }

    private static void bindBrowserFlow(String admin, Map<String, String> overrides) {
        Map<String, Object> client = new HashMap<>(given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin)
                .get("/admin/realms/cairn/clients/" + clientUuid).then().statusCode(200).extract().as(Map.class));
        client.put("authenticationFlowBindingOverrides", overrides);
        given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put("/admin/realms/cairn/clients/" + clientUuid).then().statusCode(204);
    }

    @Test
    void aClinicianWithoutACodeMustSetOneUpBeforeSigningIn() {
        String username = "otp-clinician-" + UUID.randomUUID();
        Platform.createUser(username, "clinician-password-1", "clinician", Map.of());

        BrowserSignIn browser = new BrowserSignIn();
        Response signedIn = browser.withPassword(username, "clinician-password-1");

        // No code for the app: Keycloak goes on to what it requires first, the one-time code's set-up.
        assertEquals(302, signedIn.statusCode());
        String next = signedIn.header("Location");
        assertTrue(next.contains("/login-actions/required-action") && !next.startsWith(CALLBACK), next);
        Response setUp = browser.follow(next);
        assertEquals(200, setUp.statusCode());
        assertTrue(setUp.asString().contains("name=\"totp\""), "the set-up form of a one-time code");
    }

    @Test
    void aPatientSignsInWithThePasswordAlone() {
        String username = "otp-patient-" + UUID.randomUUID();
        Platform.createUser(username, "patient-password-1", "patient",
                Map.of("patient_id", List.of(UUID.randomUUID().toString())));

        Response signedIn = new BrowserSignIn().withPassword(username, "patient-password-1");

        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.header("Location").startsWith(CALLBACK + "?"), signedIn.header("Location"));
        assertTrue(signedIn.header("Location").contains("code="), signedIn.header("Location"));
    }

    /** A browser signing in to the mobile app's client: the authorization code flow with PKCE, cookies kept. */
    private static final class BrowserSignIn {

        private static final Pattern FORM = Pattern.compile("action=\"([^\"]+)\"");
        private final Map<String, String> cookies = new HashMap<>();

        /** The answer to the password: a redirect to the app with a code, or to what Keycloak asks next. */
        Response withPassword(String username, String password) {
            Response form = kept(given().redirects().follow(false).queryParams(Map.of("client_id", CLIENT,
                    "response_type", "code", "scope", "openid", "redirect_uri", CALLBACK, "code_challenge",
                    challenge(), "code_challenge_method", "S256"))
                    .get(Platform.KEYCLOAK + "/realms/cairn/protocol/openid-connect/auth"));
            assertEquals(200, form.statusCode(), form.asString());
            Matcher action = FORM.matcher(form.asString());
            assertTrue(action.find(), "a sign-in form");
            return kept(given().redirects().follow(false).cookies(cookies).contentType(ContentType.URLENC)
                    .formParams(Map.of("username", username, "password", password))
                    .post(action.group(1).replace("&amp;", "&")));
        }

        Response follow(String location) {
            return kept(given().redirects().follow(false).cookies(cookies).get(location));
        }

        private Response kept(Response response) {
            cookies.putAll(response.getCookies());
            return response;
        }

        private static String challenge() {
            byte[] verifier = new byte[32];
            new SecureRandom().nextBytes(verifier);
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getUrlEncoder().withoutPadding().encodeToString(verifier)
                                .getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
