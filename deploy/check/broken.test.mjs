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
