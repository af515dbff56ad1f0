package io.cairn.testkit;

import io.cairn.contracts.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Signed bearer tokens for tests, verified by services against {@link OidcResource} like any real token. Roles travel
 * in the {@code groups} claim; a patient's token also carries {@code patient_id}.
 */
public final class Tokens {

    /** The issuer the test OIDC server announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    /** The audience every Cairn service requires ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "cairn-api";

    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String SIGNING_KEY_ID = "1";

    private Tokens() {
    }

    /** A staff member's token with one role of {@link Roles}. */
    public static String forRole(String role) {
        return sign(claims(role + "-user", Set.of(role)));
    }

    /** A named staff member's token, for two people of one role. */
    public static String forStaff(String userName, String role) {
        return sign(claims(userName, Set.of(role)));
    }

    /** A patient's own token: role {@code patient} and the {@code patient_id} claim. */
    public static String forPatient(UUID patientId) {
        return sign(claims("patient-" + patientId, Set.of(Roles.PATIENT)).claim(Roles.PATIENT_ID_CLAIM,
                patientId.toString()));
    }

    /** An EHR system's client-credentials token: role {@code ehr-integration}, client id in {@code azp}. */
    public static String forEhrClient(String clientId) {
        return sign(claims("service-account-" + clientId, Set.of(Roles.EHR_INTEGRATION)).claim("azp", clientId));
    }

    /** A token that expired an hour ago. */
    public static String expired(String role) {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(role + "-user", Set.of(role)).issuedAt(anHourAgo.minusSeconds(300)).expiresAt(anHourAgo));
    }

    /** A token of a user of its own (own rate limits, say) with one role, expiring {@code lifetime} from now. */
    public static String expiringIn(String role, Duration lifetime) {
        return sign(claims(role + "-expiring-" + UUID.randomUUID(), Set.of(role)).expiresAt(Instant.now()
                .plus(lifetime)));
    }

    /** A token minted for another API. */
    public static String forOtherAudience(String role) {
        return sign(claims(role + "-user", Set.of(role)).audience("some-other-api"));
    }

    /** A token signed with the right key but naming another issuer. */
    public static String fromOtherIssuer(String role) {
        return sign(claims(role + "-user", Set.of(role)).issuer("https://impostor.example.com"));
    }

    /** An unsigned token ({@code alg: none}), which no verifier may accept. */
    public static String unsigned(String role) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"sub\":\"someone\",\"groups\":[\"" + role + "\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        return header + "." + payload + ".";
    }

    /** A well-formed token signed by a key the issuer never published. */
    public static String signedByStranger(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role + "-user", Set.of(role)).jws().keyId(SIGNING_KEY_ID)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String userName, Set<String> roles) {
        return Jwt.preferredUserName(userName)
                .subject(UUID.nameUUIDFromBytes(userName.getBytes()).toString())
                .groups(roles)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .expiresIn(Duration.ofMinutes(10));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(SIGNING_KEY_ID).sign(SIGNING_KEY);
    }
}
