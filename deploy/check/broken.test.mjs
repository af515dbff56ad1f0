// The check catches broken manifests: each case breaks one thing in the rendered local overlay and expects the schema
// or the rule that guards it to name the object.
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./render.mjs";
import { schemaProblems } from "./schemas.mjs";
import { PRODUCTION_RULES, RULES } from "./rules.mjs";

const rendered = render("local");
const broken = (change) => {
  const objects = structuredClone(rendered);
  change(objects);
  return objects;
};
const find = (objects, kind, name) => {
  const object = objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  assert.ok(object, `the local overlay has no ${kind} ${name ?? ""}`);
  return object;
};
const container = (objects, name) => find(objects, "Deployment", name).spec.template.spec.containers[0];
const schemaOf = async (objects) => (await Promise.all(objects.map(schemaProblems))).flat();
const expectProblem = (problems, pattern) =>
  assert.ok(problems.some((problem) => pattern.test(problem)), `expected a problem matching ${pattern}, got ${JSON.stringify(problems)}`);

test("a Deployment with a string for its replicas fails the schema", async () => {
  const objects = broken((o) => { find(o, "Deployment", "intake-service").spec.replicas = "two"; });
  expectProblem(await schemaOf(objects), /Deployment\/cairn\/intake-service: .*replicas/);
});

test("a CloudNativePG Cluster with its instances as text fails its CRD schema", async () => {
  const objects = broken((o) => { find(o, "Cluster").spec.instances = "three"; });
  expectProblem(await schemaOf(objects), /Cluster\/.*instances/);
});

test("a KafkaTopic with partitions as text fails the Strimzi schema", async () => {
  const objects = broken((o) => { find(o, "KafkaTopic").spec.partitions = "six"; });
  expectProblem(await schemaOf(objects), /KafkaTopic\/.*partitions/);
});

test("a misspelt Keycloak field fails the Keycloak schema", async () => {
  const objects = broken((o) => { find(o, "Keycloak").spec.db.passwordSecrett = { name: "x" }; });
  expectProblem(await schemaOf(objects), /Keycloak\/.*must NOT have additional properties/);
});

test("an object of an unknown kind fails: nothing goes unvalidated", async () => {
  const objects = broken((o) => o.push({ apiVersion: "example.org/v1", kind: "Mystery", metadata: { name: "m" } }));
  expectProblem(await schemaOf(objects), /Mystery\/m: no schema/);
});

test("a container without a readiness probe breaks hardenedContainers", () => {
  const objects = broken((o) => { delete container(o, "gateway").readinessProbe; });
  expectProblem(RULES.hardenedContainers(objects), /gateway container .*: no readinessProbe/);
});

test("a container without a memory limit breaks hardenedContainers", () => {
  const objects = broken((o) => { delete container(o, "intake-service").resources.limits.memory; });
  expectProblem(RULES.hardenedContainers(objects), /intake-service.*no memory in resources.limits/);
});

test("a writable root filesystem breaks hardenedContainers", () => {
  const objects = broken((o) => { container(o, "scheduling-service").securityContext.readOnlyRootFilesystem = false; });
  expectProblem(RULES.hardenedContainers(objects), /scheduling-service.*root filesystem is not read-only/);
});

test("running as root breaks hardenedContainers", () => {
  const objects = broken((o) => {
    const deployment = find(o, "Deployment", "aftercare-service");
    delete deployment.spec.template.spec.securityContext?.runAsNonRoot;
    delete container(o, "aftercare-service").securityContext.runAsNonRoot;
  });
  expectProblem(RULES.hardenedContainers(objects), /aftercare-service.*runAsNonRoot is not true/);
});

test("a reference to a Secret no one provides breaks referencesResolve", () => {
  const objects = broken((o) => {
    container(o, "treatment-plan-service").env.push({ name: "X", valueFrom: { secretKeyRef: { name: "nowhere", key: "k" } } });
  });
  expectProblem(RULES.referencesResolve(objects), /treatment-plan-service: .*refers to Secret nowhere/);
});

test("removing the Secret of a database role breaks referencesResolve", () => {
  const objects = broken((o) => o.splice(o.findIndex((x) => x.kind === "Secret" && x.metadata.name === "cairn-db-intake"), 1));
  expectProblem(RULES.referencesResolve(objects), /refers to Secret cairn-db-intake/);
});

test("a missing dead-letter topic breaks topicsDeclared", () => {
  const objects = broken((o) => o.splice(o.findIndex((x) => x.kind === "KafkaTopic" && x.spec.topicName === "cairn.intake.v1.dlq"), 1));
  expectProblem(RULES.topicsDeclared(objects), /no KafkaTopic for cairn\.intake\.v1\.dlq/);
});

test("an image tag other than Jib's breaks imagesMatchJib", () => {
  const objects = broken((o) => { container(o, "gateway").image = "cairn/gateway:latest"; });
  expectProblem(RULES.imagesMatchJib(objects), /gateway: image cairn\/gateway:latest is not the image Jib builds/);
});

test("an autoscaler beyond the partitions breaks scalingBounded", () => {
  const objects = broken((o) => {
    find(o, "HorizontalPodAutoscaler", "treatment-plan-service").spec.maxReplicas = 1000;
  });
  expectProblem(RULES.scalingBounded(objects), /maxReplicas 1000 is more than the \d+ partitions/);
});

test("a realm import that drifted from the local stack's realm breaks realmIsTheLocalStacks", () => {
  const objects = broken((o) => { find(o, "KeycloakRealmImport").spec.realm.accessTokenLifespan = 86400; });
  expectProblem(RULES.realmIsTheLocalStacks(objects), /differs from platform\/local-stack/);
});

test("no default-deny policy breaks defaultDeny", () => {
  const objects = broken((o) => {
    for (const policy of o.filter((x) => x.kind === "NetworkPolicy" && Object.keys(x.spec.podSelector ?? {}).length === 0)) {
      policy.spec.policyTypes = ["Ingress"];
    }
  });
  expectProblem(RULES.defaultDeny(objects), /no default-deny NetworkPolicy/);
});

test("the laptop overlay, one replica each, is not fit for production", () => {
  expectProblem(PRODUCTION_RULES.productionRedundant(rendered), /replica in production/);
  expectProblem(PRODUCTION_RULES.productionRedundant(rendered), /demo users whose password is their name/);
});

test("a production realm without login hardening breaks realmIsTheLocalStacks", () => {
  for (const [change, problem] of [
    [(realm) => { delete realm.bruteForceProtected; }, /no brute-force protection/],
    [(realm) => { realm.failureFactor = 30; }, /lockout after 30 failures/],
    [(realm) => { realm.passwordPolicy = "length(8)"; }, /password policy "length\(8\)"/],
    [(realm) => { realm.accessTokenLifespan = 1800; }, /access tokens live 1800 s/],
  ]) {
    const prod = render("prod");
    change(prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm);
    expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), problem);
  }
});

test("a production realm that lets staff sign in without a one-time code breaks realmIsTheLocalStacks", () => {
  for (const [change, problem] of [
    [(realm) => { delete realm.browserFlow; }, /browser flow "browser" in production does not require a one-time code/],
    [(realm) => {
      const otp = realm.authenticatorConfig.find((config) => config.config?.condUserRole === "staff");
      otp.config.condUserRole = "patient";
    }, /does not require a one-time code of staff/],
    [(realm) => {
      realm.roles.realm.find((role) => role.name === "clinician").composites.realm = [];
    }, /realm role clinician in production does not carry the role staff/],
    [(realm) => { realm.clients[0].directAccessGrantsEnabled = true; }, /takes passwords directly in production/],
    [(realm) => {
      const staff = realm.authenticationFlows.find((flow) => flow.alias === "staff OTP - staff");
      staff.authenticationExecutions.push({ authenticator: "conditional-user-configured", authenticatorFlow: false,
        requirement: "REQUIRED", priority: 15 });
    }, /does not require a one-time code of staff/],
    [(realm) => {
      realm.authenticationFlows.find((flow) => flow.alias === "browser with staff OTP").authenticationExecutions.push(
        { authenticatorFlow: true, requirement: "ALTERNATIVE", priority: 40, flowAlias: "forms" });
    }, /forms goes around it/],
    [(realm) => {
      const forms = realm.authenticationFlows.find((flow) => flow.alias === "staff OTP forms");
      forms.authenticationExecutions.find((step) => step.authenticator === "auth-username-password-form").priority = 50;
    }, /does not require a one-time code of staff/],
    [(realm) => { realm.authenticatorConfig.find((c) => c.alias === "staff role").config.negate = "TRUE"; },
      /does not require a one-time code of staff/],
    [(realm) => { realm.resetPasswordAllowed = true; }, /resetPasswordAllowed in production/],
    [(realm) => { realm.clients[0].authenticationFlowBindingOverrides = { browser: "abc" }; }, /overrides the realm's sign-in flows/],
    [(realm) => { realm.identityProviders = [{ alias: "google" }]; }, /identity providers in production/],
  ]) {
    const prod = render("prod");
    change(prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm);
    expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), problem);
  }
});

test("a production realm that keeps the demo EHR client breaks realmIsTheLocalStacks", () => {
  const prod = render("prod");
  const realm = prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm;
  realm.clients.push(rendered.find((o) => o.kind === "KeycloakRealmImport").spec.realm.clients.find((c) => c.clientId === "ehr-demo"));
  expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), /demo client ehr-demo in production/);
});

test("a production realm that keeps the demo EHR client with its private key in the repository breaks realmIsTheLocalStacks", () => {
  const prod = render("prod");
  const realm = prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm;
  realm.clients.push(rendered.find((o) => o.kind === "KeycloakRealmImport").spec.realm.clients.find((c) => c.clientId === "ehr-jwt-demo"));
  expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), /demo client ehr-jwt-demo in production/);
});

test("removing the Secret of intake's Keycloak client breaks referencesResolve, for intake and the realm import", () => {
  const objects = broken((o) => o.splice(o.findIndex((x) => x.kind === "Secret" && x.metadata.name === "cairn-subscriptions-client"), 1));
  const problems = RULES.referencesResolve(objects);
  expectProblem(problems, /Deployment\/cairn\/intake-service: .*refers to Secret cairn-subscriptions-client/);
  expectProblem(problems, /KeycloakRealmImport\/cairn\/cairn-realm: spec\.placeholders\..*refers to Secret cairn-subscriptions-client/);
});

test("a client secret placeholder the realm import does not fill breaks realmIsTheLocalStacks", () => {
  const objects = broken((o) => { delete find(o, "KeycloakRealmImport").spec.placeholders; });
  expectProblem(RULES.realmIsTheLocalStacks(objects), /client cairn-subscriptions's secret is placeholder CAIRN_SUBSCRIPTIONS_CLIENT_SECRET, which spec\.placeholders does not fill/);
});

test("a production realm that gives intake's client the repository's secret breaks realmIsTheLocalStacks", () => {
  const prod = render("prod");
  const client = prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm.clients.find((c) => c.clientId === "cairn-subscriptions");
  client.secret = "cairn-subscriptions-local-secret";
  expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), /client cairn-subscriptions has the repository's secret in production/);
});

test("a production realm without intake's service account user breaks realmIsTheLocalStacks", () => {
  const prod = render("prod");
  delete prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm.users;
  expectProblem(RULES.realmIsTheLocalStacks(prod, { overlay: "prod" }), /no service-account-cairn-subscriptions in production/);
});

// --- Traffic between services: Kafka, PostgreSQL and Keycloak over verified TLS ------------------------------------

test("a plain listener added back breaks kafkaAuthenticated", () => {
  const objects = broken((o) => {
    find(o, "Kafka", "cairn").spec.kafka.listeners.push({ name: "plain", port: 9092, type: "internal", tls: false });
  });
  const problems = RULES.kafkaAuthenticated(objects);
  expectProblem(problems, /Kafka\/cairn\/cairn: listener plain \(9092\) is not TLS/);
  expectProblem(problems, /Kafka\/cairn\/cairn: listener plain \(9092\) lets clients in without authentication/);
});

test("a Kafka cluster without ACLs, or with a super user, breaks kafkaAuthenticated", () => {
  const unauthorized = broken((o) => { delete find(o, "Kafka", "cairn").spec.kafka.authorization; });
  expectProblem(RULES.kafkaAuthenticated(unauthorized), /Kafka\/cairn\/cairn: no ACLs enforced/);
  const superUser = broken((o) => { find(o, "Kafka", "cairn").spec.kafka.authorization.superUsers = ["cairn-ops"]; });
  expectProblem(RULES.kafkaAuthenticated(superUser), /Kafka\/cairn\/cairn: super users cairn-ops bypass every ACL/);
});

test("a service that connects to the plain port breaks kafkaAuthenticated", () => {
  const objects = broken((o) => {
    find(o, "ConfigMap", "treatment-plan-service-config").data.KAFKA_BOOTSTRAP_SERVERS = "cairn-kafka-bootstrap:9092";
  });
  expectProblem(RULES.kafkaAuthenticated(objects),
    /treatment-plan-service container .*: KAFKA_BOOTSTRAP_SERVERS cairn-kafka-bootstrap:9092 is not a TLS listener/);
});

test("a service that logs in to Kafka as another service breaks kafkaAuthenticated", () => {
  const objects = broken((o) => {
    const login = container(o, "worklist-service").env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
    login.valueFrom.secretKeyRef.name = "intake-service";
  });
  expectProblem(RULES.kafkaAuthenticated(objects),
    /worklist-service container .*: KAFKA_SASL_JAAS_CONFIG is key sasl.jaas.config of Secret intake-service, not .* Secret worklist-service/);
});

test("a service without its KafkaUser breaks kafkaAuthenticated and referencesResolve", () => {
  const objects = broken((o) => o.splice(o.findIndex((x) => x.kind === "KafkaUser" && x.metadata.name === "aftercare-service"), 1));
  expectProblem(RULES.kafkaAuthenticated(objects), /Deployment\/cairn\/aftercare-service: no KafkaUser aftercare-service/);
  expectProblem(RULES.referencesResolve(objects), /Deployment\/cairn\/aftercare-service: .*refers to Secret aftercare-service/);
});

test("a KafkaUser granted Write on another service's topic breaks kafkaAclsExact", () => {
  const objects = broken((o) => {
    find(o, "KafkaUser", "scheduling-service").spec.authorization.acls
      .push({ resource: { type: "topic", name: "cairn.intake.v1", patternType: "literal" }, operations: ["Write"] });
  });
  expectProblem(RULES.kafkaAclsExact(objects),
    /KafkaUser\/cairn\/scheduling-service: Write on topic cairn\.intake\.v1, which only intake-service may write/);
});

test("the operators' KafkaUser granted Write for a replay breaks kafkaAclsExact", () => {
  const objects = broken((o) => {
    find(o, "KafkaUser", "cairn-ops").spec.authorization.acls
      .find((acl) => acl.resource.name === "cairn.intake.v1").operations.push("Write");
  });
  expectProblem(RULES.kafkaAclsExact(objects), /KafkaUser\/cairn\/cairn-ops: Write on topic cairn\.intake\.v1, which only intake-service/);
});

test("a KafkaUser without a consumer group of its service breaks kafkaAclsExact", () => {
  const objects = broken((o) => {
    const acls = find(o, "KafkaUser", "intake-service").spec.authorization.acls;
    acls.splice(acls.findIndex((acl) => acl.resource.name === "intake-accounting"), 1);
  });
  expectProblem(RULES.kafkaAclsExact(objects), /KafkaUser\/cairn\/intake-service: no Read on group intake-accounting/);
});

test("a topic wildcard ACL breaks kafkaAclsExact", () => {
  const objects = broken((o) => {
    find(o, "KafkaUser", "cairn-ops").spec.authorization.acls
      .push({ resource: { type: "topic", name: "*", patternType: "literal" }, operations: ["Read"] });
  });
  expectProblem(RULES.kafkaAclsExact(objects), /KafkaUser\/cairn\/cairn-ops: ACL on topic \*: name each topic/);
});

test("sslmode=prefer breaks databaseVerified", () => {
  const objects = broken((o) => {
    find(o, "ConfigMap", "intake-service-config").data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://cairn-db-rw:5432/intake?sslmode=prefer";
  });
  expectProblem(RULES.databaseVerified(objects),
    /ConfigMap\/cairn\/intake-service-config: QUARKUS_DATASOURCE_JDBC_URL does not verify the server \(sslmode=prefer/);
});

test("Keycloak's database by host, without a verifying URL, breaks databaseVerified", () => {
  const objects = broken((o) => {
    const db = find(o, "Keycloak").spec.db;
    delete db.url;
    Object.assign(db, { host: "cairn-db-rw", port: 5432, database: "keycloak" });
  });
  expectProblem(RULES.databaseVerified(objects), /Keycloak\/cairn\/cairn-keycloak: no db.url/);
});

test("a database CA that is not mounted breaks databaseVerified", () => {
  const objects = broken((o) => {
    const trust = find(o, "Deployment", "scheduling-service").spec.template.spec.volumes.find((v) => v.name === "trust");
    trust.projected.sources = trust.projected.sources.filter((source) => source.secret.name !== "cairn-db-ca");
  });
  expectProblem(RULES.databaseVerified(objects),
    /scheduling-service container .*: sslrootcert \/etc\/cairn\/trust\/db-ca\.crt is not ca\.crt of Secret cairn-db-ca mounted/);
});

test("an http OIDC URL breaks keycloakOverTls", () => {
  const objects = broken((o) => {
    find(o, "ConfigMap", "gateway-config").data.QUARKUS_OIDC_AUTH_SERVER_URL = "http://cairn-keycloak-service:8080/realms/cairn";
  });
  expectProblem(RULES.keycloakOverTls(objects), /ConfigMap\/cairn\/gateway-config: QUARKUS_OIDC_AUTH_SERVER_URL http:\/\/.* is not https/);
});

test("Keycloak with HTTP on breaks keycloakOverTls", () => {
  const objects = broken((o) => { find(o, "Keycloak").spec.http.httpEnabled = true; });
  expectProblem(RULES.keycloakOverTls(objects), /Keycloak\/cairn\/cairn-keycloak: HTTP is on/);
});

test("intake's OIDC client without a TLS configuration breaks keycloakOverTls", () => {
  const objects = broken((o) => { delete find(o, "ConfigMap", "intake-service-config").data.QUARKUS_OIDC_CLIENT_TLS_TLS_CONFIGURATION_NAME; });
  expectProblem(RULES.keycloakOverTls(objects), /intake-service container .*: no QUARKUS_OIDC_CLIENT_TLS_TLS_CONFIGURATION_NAME/);
});

test("an ingress that reaches Keycloak in clear, or unverified, breaks keycloakOverTls", () => {
  const objects = broken((o) => {
    const annotations = find(o, "Ingress", "keycloak").metadata.annotations;
    delete annotations["nginx.ingress.kubernetes.io/backend-protocol"];
    delete annotations["nginx.ingress.kubernetes.io/proxy-ssl-verify"];
  });
  const problems = RULES.keycloakOverTls(objects);
  expectProblem(problems, /Ingress\/cairn\/keycloak: reaches Keycloak over plain HTTP/);
  expectProblem(problems, /Ingress\/cairn\/keycloak: does not verify Keycloak's certificate/);
});
