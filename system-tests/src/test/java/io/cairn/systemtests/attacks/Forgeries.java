package io.cairn.systemtests.attacks;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.systemtests.Platform;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens an attacker or a buggy client might present, made from a real Keycloak token. To show that expiry, "not
 * before", issuer and audience are checked for themselves, and not only the signature, a key of our own is added to
 * the realm for the run: tokens signed with it are trusted (see {@link #trustedControl()}), so a refusal of the others
 * comes from the claim that is wrong.
 */
final class Forgeries implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String admin;
    private final String componentId;
    private final String trustedKid;
    private final PrivateKey trustedKey;
    private final String realToken;

    Forgeries(String realToken) throws Exception {
        this.realToken = realToken;
        admin = Platform.keycloakAdminToken();
        KeyPair pair = rsa();
        trustedKey = pair.getPrivate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        String realmId = given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin).get("/admin/realms/cairn").then()
                .statusCode(200).extract().path("id");
        String location = given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "fault-suite-key", "providerId", "rsa", "providerType",
                        "org.keycloak.keys.KeyProvider", "parentId", realmId, "config", Map.of("privateKey",
                                List.of(pem), "priority", List.of("-100"), "enabled", List.of("true"), "active",
                                List.of("true"), "algorithm", List.of("RS256"))))
                .post("/admin/realms/cairn/components").then().statusCode(201).extract().header("Location");
        componentId = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> keys = given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin)
                .get("/admin/realms/cairn/keys").then().statusCode(200).extract().path("keys");
        trustedKid = keys.stream().filter(k -> componentId.equals(k.get("providerId"))).map(k -> (String) k.get("kid"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Keycloak did not take the key: " + keys));
    }

    /** A token like the real one, signed with the key added to the realm: it must be accepted. */
    String trustedControl() throws Exception {
        return signTrusted(claims());
    }

    /** Every forgery by name, each refused for its own reason. */
    Map<String, String> all() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, String> forged = new LinkedHashMap<>();
        ObjectNode expired = claims();
        expired.put("iat", now - 7200).put("exp", now - 3600);
        forged.put("expired", signTrusted(expired));
        ObjectNode notYetValid = claims();
        notYetValid.put("iat", now + 3600).put("nbf", now + 3600).put("exp", now + 7200);
        forged.put("not yet valid", signTrusted(notYetValid));
        ObjectNode otherIssuer = claims();
        otherIssuer.put("iss", Platform.KEYCLOAK + "/realms/other");
        forged.put("other issuer", signTrusted(otherIssuer));
        ObjectNode otherAudience = claims();
        otherAudience.put("aud", "another-api");
        forged.put("other audience", signTrusted(otherAudience));
        String[] parts = realToken.split("\\.");
        forged.put("signed by a stranger", parts[0] + "." + parts[1] + "." + signature(parts[0] + "." + parts[1],
                rsa().getPrivate()));
        forged.put("alg none", encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "." + parts[1]
                + ".");
        ObjectNode promoted = claims();
        promoted.putObject("realm_access").putArray("roles").add("program-director");
        forged.put("tampered claims", parts[0] + "." + encode(promoted) + "." + parts[2]);
        return forged;
    }

    private ObjectNode claims() throws Exception {
        String payload = realToken.split("\\.")[1];
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private String signTrusted(ObjectNode claims) throws Exception {
        String input = encode(JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", trustedKid))
                + "." + encode(claims);
        return input + "." + signature(input, trustedKey);
    }

    private static String signature(String input, PrivateKey key) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return URL.encodeToString(rsa.sign());
    }

    private static String encode(ObjectNode json) throws Exception {
        return URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Takes the run's key out of the realm again. */
    @Override
    public void close() {
        given().baseUri(Platform.KEYCLOAK).auth().oauth2(admin).delete("/admin/realms/cairn/components/" + componentId)
                .then().statusCode(204);
    }
}
