package io.cairn.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.contracts.Roles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo realm gives every role of ARCHITECTURE.md, a user for each, and tokens the services accept. */
class RealmTest {

    private static final String STAFF = "staff";

    final JsonNode realm;

    RealmTest() throws Exception {
        realm = new ObjectMapper().readTree(RealmTest.class.getResourceAsStream("/cairn-realm.json"));
    }

    @Test
    void everyRoleExistsAndEachHasADemoAccount() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        List<String> expected = java.util.stream.Stream.concat(Roles.ALL.stream(), Roles.SERVICE_ACCOUNTS.stream())
                .sorted().toList();
        // Besides the API's roles, `staff`: no one is given it, each staff role carries it (production's browser flow
        // asks it for a one-time code).
        assertEquals(expected, roles.stream().filter(role -> !role.equals(STAFF)).sorted().toList());
        List<String> granted = new ArrayList<>();
        realm.path("users").forEach(u -> u.path("realmRoles").forEach(r -> granted.add(r.asText())));
        assertEquals(expected, granted.stream().distinct().sorted().toList());
    }

    @Test
    void everyStaffRoleCarriesStaffForTheOneTimeCodeOfProduction() {
        List<String> carrying = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> role.path("composites").path("realm").forEach(c -> {
            if (c.asText().equals(STAFF)) {
                carrying.add(role.path("name").asText());
            }
        }));
        assertEquals(List.of(Roles.CASE_MANAGER, Roles.CLINICIAN, Roles.INTAKE_COORDINATOR, Roles.PROGRAM_DIRECTOR,
                Roles.SCHEDULER), carrying.stream().sorted().toList());
    }

    /** Intake's own service account, whose role no person has, reads what full-resource notifications carry. */
    @Test
    void intakesSubscriptionSenderIsAServiceAccountOfItsOwn() {
        JsonNode sender = client("cairn-subscriptions");
        assertTrue(sender.path("serviceAccountsEnabled").asBoolean());
        assertEquals(List.of(Roles.SUBSCRIPTION_SENDER), roleNames(user("service-account-cairn-subscriptions")));
        realm.path("users").forEach(u -> {
            if (!u.path("username").asText().equals("service-account-cairn-subscriptions")) {
                assertTrue(!roleNames(u).contains(Roles.SUBSCRIPTION_SENDER), u.path("username").asText());
            }
        });
    }

    private static List<String> roleNames(JsonNode user) {
        List<String> names = new ArrayList<>();
        user.path("realmRoles").forEach(r -> names.add(r.asText()));
        return names;
    }

    @Test
    void thePatientsTokenCarriesTheirPatientIdAndEveryTokenTheApiAudience() {
        JsonNode patient = user("patient");
        assertTrue(patient.path("attributes").path(Roles.PATIENT_ID_CLAIM).get(0).asText().matches("[0-9a-f-]{36}"));
        realm.path("clients").forEach(client -> {
            List<String> mappers = new ArrayList<>();
            client.path("protocolMappers").forEach(m -> mappers.add(m.path("protocolMapper").asText() + ":"
                    + m.path("config").path("included.custom.audience").asText(m.path("config").path("claim.name")
                            .asText())));
            assertTrue(mappers.contains("oidc-audience-mapper:cairn-api"), client.path("clientId").asText());
            assertTrue(mappers.contains("oidc-usermodel-attribute-mapper:patient_id"), client.path("clientId")
                    .asText());
        });
    }

    @Test
    void theEhrUsesClientCredentialsAndTheMobileAppPkce() {
        JsonNode ehr = client("ehr-demo");
        assertTrue(ehr.path("serviceAccountsEnabled").asBoolean());
        assertEquals("ehr-integration", user("service-account-ehr-demo").path("realmRoles").get(0).asText());
        JsonNode signedJwt = client("ehr-jwt-demo");
        assertEquals("client-jwt", signedJwt.path("clientAuthenticatorType").asText());
        assertEquals("RS384", signedJwt.path("attributes").path("token.endpoint.auth.signing.alg").asText());
        assertTrue(signedJwt.path("attributes").path("jwt.credential.certificate").asText().startsWith("MII"));
        assertEquals("ehr-integration", user("service-account-ehr-jwt-demo").path("realmRoles").get(0).asText());
        JsonNode mobile = client("cairn-mobile");
        assertTrue(mobile.path("publicClient").asBoolean());
        assertEquals("S256", mobile.path("attributes").path("pkce.code.challenge.method").asText());
    }

    private JsonNode user(String name) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no user " + name);
    }

    private JsonNode client(String id) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(id)) {
                return client;
            }
        }
        throw new AssertionError("no client " + id);
    }
}
