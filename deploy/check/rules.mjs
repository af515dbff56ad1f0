// Cairn's deployment rules, checked on the objects an overlay renders to. Each rule returns its problems, one line
// each; no problem means the rule holds.
import fs from "node:fs";
import path from "node:path";
import { ROOT, nameOf } from "./render.mjs";
import { TOPIC_PRODUCERS, apps, archiveTags, contractTopics } from "./project.mjs";

const WORKLOADS = ["Deployment", "StatefulSet", "DaemonSet", "Job"];

const ofKind = (objects, ...kinds) => objects.filter((object) => kinds.includes(object.kind));
const podSpecOf = (workload) => workload.spec?.template?.spec ?? {};
const containersOf = (workload) => [...(podSpecOf(workload).initContainers ?? []), ...(podSpecOf(workload).containers ?? [])];

/** Every container: the three probes, requests and limits, non-root, read-only root, no privilege, no capability. */
export function hardenedContainers(objects) {
  const problems = [];
  for (const workload of ofKind(objects, ...WORKLOADS)) {
    const pod = podSpecOf(workload);
    for (const container of containersOf(workload)) {
      const where = `${nameOf(workload)} container ${container.name}`;
      const isInit = (pod.initContainers ?? []).includes(container);
      if (!isInit) {
        for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
          if (!container[probe]) {
            problems.push(`${where}: no ${probe}`);
          }
        }
      }
      for (const bound of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!container.resources?.[bound]?.[resource]) {
            problems.push(`${where}: no ${resource} in resources.${bound}`);
          }
        }
      }
      const security = container.securityContext ?? {};
      if ((security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) {
        problems.push(`${where}: runAsNonRoot is not true`);
      }
      if ((security.runAsUser ?? pod.securityContext?.runAsUser) === 0) {
        problems.push(`${where}: runs as uid 0`);
      }
      if (security.readOnlyRootFilesystem !== true) {
        problems.push(`${where}: root filesystem is not read-only`);
      }
      if (security.allowPrivilegeEscalation !== false) {
        problems.push(`${where}: allowPrivilegeEscalation is not false`);
      }
      if (security.privileged === true) {
        problems.push(`${where}: privileged`);
      }
      if (!(security.capabilities?.drop ?? []).includes("ALL")) {
        problems.push(`${where}: capabilities are not all dropped`);
      }
    }
  }
  return problems;
}

/**
 * The Secrets operators write for objects of the overlay: a KafkaUser's credentials (Strimzi's user operator, where
 * its Kafka cluster runs one), a Kafka cluster's CA certificates, a CloudNativePG cluster's server CA.
 */
function operatorSecrets(objects) {
  const secrets = new Set();
  for (const kafka of ofKind(objects, "Kafka")) {
    secrets.add(`${kafka.metadata.name}-cluster-ca-cert`);
    secrets.add(`${kafka.metadata.name}-clients-ca-cert`);
  }
  for (const user of ofKind(objects, "KafkaUser")) {
    const userOperator = userOperatorOf(objects, user);
    if (userOperator) {
      secrets.add(`${userOperator.secretPrefix ?? ""}${user.metadata.name}`);
    }
  }
  for (const cluster of ofKind(objects, "Cluster")) {
    secrets.add(cluster.spec?.certificates?.serverCASecret ?? `${cluster.metadata.name}-ca`);
  }
  return secrets;
}

/**
 * Every Secret and ConfigMap a manifest refers to is in the overlay: as an object, as the target of an ExternalSecret,
 * as the secret of a cert-manager Certificate, or as one an operator writes for an object of the overlay (a
 * KafkaUser's credentials, the Kafka cluster's CA, the PostgreSQL cluster's CA).
 */
export function referencesResolve(objects) {
  const provided = { Secret: operatorSecrets(objects), ConfigMap: new Set() };
  for (const object of objects) {
    if (object.kind === "Secret" || object.kind === "ConfigMap") {
      provided[object.kind].add(object.metadata.name);
    } else if (object.kind === "ExternalSecret") {
      provided.Secret.add(object.spec?.target?.name ?? object.metadata.name);
    } else if (object.kind === "Certificate") {
      provided.Secret.add(object.spec?.secretName);
    }
  }
  const problems = [];
  for (const object of objects) {
    if (["ExternalSecret", "Certificate", "Secret", "ConfigMap"].includes(object.kind)) {
      continue;
    }
    for (const [kind, name, at] of referencesIn(object.spec ?? {}, "spec")) {
      if (!provided[kind].has(name)) {
        problems.push(`${nameOf(object)}: ${at} refers to ${kind} ${name}, which the overlay does not provide`);
      }
    }
  }
  return problems;
}

/** [kind, name, path] of each Secret or ConfigMap reference below a value, by the field names Kubernetes and the CRDs use. */
function referencesIn(value, at) {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => referencesIn(item, `${at}[${i}]`));
  }
  if (value === null || typeof value !== "object") {
    return [];
  }
  const found = [];
  for (const [key, child] of Object.entries(value)) {
    const here = `${at}.${key}`;
    if (["secretKeyRef", "secretRef"].includes(key) || (/Secret$/.test(key) && key !== "tlsSecret")) {
      const name = typeof child === "string" ? child : child?.name;
      if (name) {
        found.push(["Secret", name, here]);
      }
    } else if (key === "tlsSecret" && typeof child === "string") {
      found.push(["Secret", child, here]);
    } else if (key === "secret" && typeof child?.secretName === "string") {
      found.push(["Secret", child.secretName, here]);
    } else if (key === "secret" && typeof child?.name === "string") {
      // A Secret by name and key: a KeycloakRealmImport placeholder, a CloudNativePG database owner's secret.
      found.push(["Secret", child.name, here]);
    } else if (key === "tls" && Array.isArray(child)) {
      child.filter((tls) => tls.secretName).forEach((tls, i) => found.push(["Secret", tls.secretName, `${here}[${i}]`]));
    } else if (["configMapKeyRef", "configMapRef"].includes(key) && child?.name) {
      found.push(["ConfigMap", child.name, here]);
    } else if (key === "configMap" && child?.name) {
      found.push(["ConfigMap", child.name, here]);
    }
    if (typeof child === "object") {
      found.push(...referencesIn(child, here));
    }
  }
  return found;
}

function topicsOf(objects) {
  return new Map(ofKind(objects, "KafkaTopic").map((topic) => [topic.spec?.topicName ?? topic.metadata.name, topic]));
}

/** Every topic of platform/contracts and every topic an app consumes has a KafkaTopic, and so has its dead-letter topic. */
export function topicsDeclared(objects) {
  const declared = topicsOf(objects);
  const { topics, deadLetters } = contractTopics();
  const wanted = new Set([...topics, ...deadLetters, ...apps().flatMap((app) => app.consumes)]);
  const clusters = new Set(ofKind(objects, "Kafka").map((kafka) => kafka.metadata.name));
  const problems = [...wanted].filter((topic) => !declared.has(topic)).map((topic) => `no KafkaTopic for ${topic}`);
  for (const [topic, object] of declared) {
    const cluster = object.metadata.labels?.["strimzi.io/cluster"];
    if (!clusters.has(cluster)) {
      problems.push(`${nameOf(object)}: topic ${topic} belongs to Kafka cluster "${cluster}", which the overlay does not have`);
    }
  }
  return problems;
}

const withoutRegistry = (image) => {
  const [first, ...rest] = image.split("/");
  return rest.length > 0 && (first.includes(".") || first.includes(":") || first === "localhost") ? rest.join("/") : image;
};

/**
 * Each app is deployed with the image the images profile builds (registry aside), and nothing else is deployed under
 * Cairn's name; where the image archives are built (or required), their names are the same.
 */
export function imagesMatchJib(objects, { requireArchives = false } = {}) {
  const problems = [];
  const byName = new Map(apps().map((app) => [app.artifactId, app]));
  const deployed = new Map();
  for (const workload of ofKind(objects, ...WORKLOADS)) {
    for (const container of containersOf(workload)) {
      deployed.set(workload.metadata.name, withoutRegistry(container.image));
      const app = byName.get(workload.metadata.name);
      if (app && withoutRegistry(container.image) !== app.image) {
        problems.push(`${nameOf(workload)}: image ${container.image} is not the image Jib builds, ${app.image}`);
      } else if (!app && withoutRegistry(container.image).startsWith("cairn/")) {
        problems.push(`${nameOf(workload)}: image ${container.image} is not built by any module`);
      }
    }
  }
  for (const app of byName.values()) {
    if (!deployed.has(app.artifactId)) {
      problems.push(`${app.artifactId} builds image ${app.image} but no Deployment named ${app.artifactId} runs it`);
    }
    if (fs.existsSync(app.archive) || requireArchives) {
      const tags = fs.existsSync(app.archive) ? archiveTags(app.archive) : [];
      if (!tags.includes(app.image)) {
        problems.push(`${path.relative(ROOT, app.archive)}: holds ${JSON.stringify(tags)}, the manifests run ${app.image}`);
      }
    }
  }
  return problems;
}

/**
 * Every app has a PodDisruptionBudget and a HorizontalPodAutoscaler; a consumer scales no further than the partitions
 * of the topics it reads (a consumer beyond them gets none and sits idle).
 */
export function scalingBounded(objects) {
  const problems = [];
  const topics = topicsOf(objects);
  const selects = (budget, workload) => Object.entries(budget.spec?.selector?.matchLabels ?? {})
    .every(([key, value]) => workload.spec.template.metadata?.labels?.[key] === value);
  for (const app of apps()) {
    const workload = ofKind(objects, "Deployment").find((d) => d.metadata.name === app.artifactId);
    if (!workload) {
      continue;
    }
    if (!ofKind(objects, "PodDisruptionBudget").some((budget) => selects(budget, workload))) {
      problems.push(`${nameOf(workload)}: no PodDisruptionBudget selects its pods`);
    }
    const autoscaler = ofKind(objects, "HorizontalPodAutoscaler")
      .find((hpa) => hpa.spec?.scaleTargetRef?.kind === "Deployment" && hpa.spec.scaleTargetRef.name === app.artifactId);
    if (!autoscaler) {
      problems.push(`${nameOf(workload)}: no HorizontalPodAutoscaler`);
      continue;
    }
    for (const topic of app.consumes) {
      const partitions = topics.get(topic)?.spec?.partitions;
      if (partitions && autoscaler.spec.maxReplicas > partitions) {
        problems.push(`${nameOf(autoscaler)}: maxReplicas ${autoscaler.spec.maxReplicas} is more than the ${partitions} partitions of ${topic}`);
      }
    }
  }
  return problems;
}

const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * The realm imported is the local stack's realm. A client's secret may instead be a placeholder `${NAME}` that the
 * import's spec.placeholders fills from a Secret (the realm JSON's secret is for the local stack only). Production
 * leaves out what exists only for demonstrations (the demo users, whose password is their name, and the clients whose
 * secret or password grant is for demos), keeps the service account users of the clients it keeps (their realm
 * roles), takes every client secret from a Secret, and requires TLS for external clients; everything else (roles,
 * the mobile client, token lifespans, mappers) is the same.
 */
export function realmIsTheLocalStacks(objects, { overlay } = {}) {
  const local = JSON.parse(fs.readFileSync(path.join(ROOT, "platform/local-stack/src/main/resources/cairn-realm.json"), "utf8"));
  const imports = ofKind(objects, "KeycloakRealmImport");
  if (imports.length !== 1) {
    return [`expected one KeycloakRealmImport, found ${imports.length}`];
  }
  const realm = imports[0].spec.realm;
  const placeholders = imports[0].spec.placeholders ?? {};
  const expected = structuredClone(local);
  const problems = [];
  for (const client of realm.clients ?? []) {
    const placeholder = PLACEHOLDER.exec(typeof client.secret === "string" ? client.secret : "");
    const original = expected.clients.find((c) => c.clientId === client.clientId);
    if (!placeholder || typeof original?.secret !== "string") {
      continue;
    }
    original.secret = client.secret;
    if (!placeholders[placeholder[1]]?.secret?.name) {
      problems.push(`${nameOf(imports[0])}: client ${client.clientId}'s secret is placeholder ${placeholder[1]}, which spec.placeholders does not fill from a Secret`);
    }
  }
  if (overlay === "prod") {
    const kept = new Set((realm.clients ?? []).map((client) => client.clientId));
    expected.clients = expected.clients.filter((client) => kept.has(client.clientId));
    const serviceAccounts = (expected.users ?? []).filter((user) => kept.has(user.serviceAccountClientId));
    if (serviceAccounts.length) {
      expected.users = serviceAccounts;
    } else {
      delete expected.users;
    }
    expected.sslRequired = realm.sslRequired;
    for (const key of LOGIN_HARDENING) {
      if (key in realm) {
        expected[key] = realm[key];
      } else {
        delete expected[key];
      }
    }
    problems.push(...loginHardeningProblems(realm).map((problem) => `${nameOf(imports[0])}: ${problem}`));
    if (!["external", "all"].includes(realm.sslRequired)) {
      problems.push(`${nameOf(imports[0])}: sslRequired is ${realm.sslRequired} in production`);
    }
    for (const demo of ["ehr-demo", "ehr-jwt-demo", "cairn-cli"].filter((clientId) => kept.has(clientId))) {
      problems.push(`${nameOf(imports[0])}: demo client ${demo} in production`);
    }
    for (const client of (realm.clients ?? []).filter((c) => typeof c.secret === "string" && !PLACEHOLDER.test(c.secret))) {
      problems.push(`${nameOf(imports[0])}: client ${client.clientId} has the repository's secret in production (fill it from a Secret through spec.placeholders)`);
    }
    const users = new Set((realm.users ?? []).map((user) => user.username));
    for (const user of serviceAccounts.filter((u) => !users.has(u.username))) {
      problems.push(`${nameOf(imports[0])}: no ${user.username} in production: client ${user.serviceAccountClientId}'s service account loses its realm roles`);
    }
  }
  if (JSON.stringify(sortKeys(realm)) !== JSON.stringify(sortKeys(expected))) {
    problems.push(`${nameOf(imports[0])}: its realm differs from platform/local-stack's cairn-realm.json (run deploy/components/keycloak/sync-realm)`);
  }
  return problems;
}

/** What production adds to the local stack's realm for staff and patients signing in. */
const LOGIN_HARDENING = ["bruteForceProtected", "permanentLockout", "failureFactor", "waitIncrementSeconds",
  "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds", "quickLoginCheckMilliSeconds", "maxDeltaTimeSeconds",
  "passwordPolicy", "accessTokenLifespan", "browserFlow"];

/** The realm roles of staff: each must carry the composite role `staff`, on which the login asks for a code. */
const STAFF_ROLES = ["intake-coordinator", "clinician", "scheduler", "case-manager", "program-director"];

/**
 * A production login: password guessing locked out after a few failures, passwords of 12 characters at least and
 * not the username, access tokens of 5 minutes at most (a stolen one is short-lived; clients refresh).
 */
function loginHardeningProblems(realm) {
  const problems = [];
  if (realm.bruteForceProtected !== true) {
    problems.push("no brute-force protection in production (bruteForceProtected)");
  } else if (!(realm.failureFactor >= 1 && realm.failureFactor <= 10)) {
    problems.push(`brute-force lockout after ${realm.failureFactor} failures: 10 at most`);
  }
  const length = /length\((\d+)\)/.exec(realm.passwordPolicy ?? "");
  if (!length || Number(length[1]) < 12 || !/notUsername/.test(realm.passwordPolicy)) {
    problems.push(`password policy "${realm.passwordPolicy ?? ""}" in production: length(12) at least, and notUsername`);
  }
  if (!(realm.accessTokenLifespan <= 300)) {
    problems.push(`access tokens live ${realm.accessTokenLifespan} s in production: 300 at most`);
  }
  return [...problems, ...staffOtpProblems(realm)];
}

/**
 * Staff sign in with a one-time code in production: every way through the realm's browser flow other than an existing
 * session goes through a password form and then a conditional subflow whose one condition is the role `staff` and
 * which requires the OTP form (a staff member without a code sets one up at that sign-in); every staff role carries
 * `staff`; and nothing signs a user in around that flow: no client takes passwords directly or overrides the flow, no
 * identity provider, no self-service password reset or registration, no staff role on a service account.
 */
function staffOtpProblems(realm) {
  const problems = [];
  const flows = new Map((realm.authenticationFlows ?? []).map((flow) => [flow.alias, flow]));
  const configs = new Map((realm.authenticatorConfig ?? []).map((config) => [config.alias, config.config ?? {}]));
  const browser = flows.get(realm.browserFlow);
  const ways = (browser?.authenticationExecutions ?? []).filter((step) => step.requirement !== "DISABLED");
  const around = ways.filter((step) => !(step.authenticatorFlow
    ? asksStaffForACode(flows.get(step.flowAlias), flows, configs, new Set())
    : ["auth-cookie", "identity-provider-redirector"].includes(step.authenticator)));
  if (!browser || around.length > 0 || !ways.some((step) => step.authenticatorFlow)) {
    problems.push(`browser flow "${realm.browserFlow ?? "browser"}" in production does not require a one-time code of `
      + "staff on every way through it (after the password form, a CONDITIONAL subflow whose only condition is "
      + "conditional-user-role staff, with auth-otp-form REQUIRED)"
      + (around.length ? `: ${around.map((step) => step.flowAlias ?? step.authenticator).join(", ")} goes around it` : ""));
  }
  const roles = new Map((realm.roles?.realm ?? []).map((role) => [role.name, role]));
  for (const name of STAFF_ROLES) {
    if (!(roles.get(name)?.composites?.realm ?? []).includes("staff")) {
      problems.push(`realm role ${name} in production does not carry the role staff: its users sign in without a one-time code`);
    }
  }
  for (const client of realm.clients ?? []) {
    if (client.directAccessGrantsEnabled === true) {
      problems.push(`client ${client.clientId} takes passwords directly in production (directAccessGrantsEnabled): no one-time code is asked`);
    }
    if (Object.values(client.authenticationFlowBindingOverrides ?? {}).some((flow) => String(flow ?? "").trim())) {
      problems.push(`client ${client.clientId} overrides the realm's sign-in flows in production (authenticationFlowBindingOverrides)`);
    }
  }
  for (const setting of ["resetPasswordAllowed", "registrationAllowed"]) {
    if (realm[setting] === true) {
      problems.push(`${setting} in production: it signs a user in without the staff one-time code`);
    }
  }
  if ((realm.identityProviders ?? []).length > 0) {
    problems.push("identity providers in production: a brokered sign-in skips the staff one-time code");
  }
  for (const user of (realm.users ?? []).filter((u) => u.serviceAccountClientId)) {
    for (const role of (user.realmRoles ?? []).filter((r) => STAFF_ROLES.includes(r) || r === "staff")) {
      problems.push(`service account ${user.username} carries the staff role ${role} in production: it signs in without a one-time code`);
    }
  }
  return problems;
}

/** Whether every way through this subflow asks staff for a code once their password is known. */
function asksStaffForACode(flow, flows, configs, seen) {
  if (!flow || seen.has(flow.alias)) {
    return false;
  }
  seen.add(flow.alias);
  const steps = (flow.authenticationExecutions ?? []).filter((step) => step.requirement !== "DISABLED");
  const password = steps.find((step) => step.authenticator === "auth-username-password-form" && step.requirement === "REQUIRED");
  const onStaff = steps.some((step) => password && step.authenticatorFlow && step.requirement === "CONDITIONAL"
    && step.priority > password.priority && isStaffCode(flows.get(step.flowAlias), configs));
  if (onStaff) {
    return true;
  }
  // Or a subflow that does, required on every way through this one.
  return steps.length > 0 && steps.every((step) => step.requirement === "REQUIRED")
    && steps.some((step) => step.authenticatorFlow && asksStaffForACode(flows.get(step.flowAlias), flows, configs, seen));
}

/** A subflow whose only condition is the role staff (not negated) and which requires the OTP form. */
function isStaffCode(flow, configs) {
  const steps = (flow?.authenticationExecutions ?? []).filter((step) => step.requirement !== "DISABLED");
  const conditions = steps.filter((step) => String(step.authenticator ?? "").startsWith("conditional-"));
  const config = configs.get(conditions[0]?.authenticatorConfig) ?? {};
  return conditions.length === 1 && conditions[0].authenticator === "conditional-user-role"
    && conditions[0].requirement === "REQUIRED" && config.condUserRole === "staff"
    && String(config.negate ?? "false").toLowerCase() !== "true"
    && steps.some((step) => step.authenticator === "auth-otp-form" && step.requirement === "REQUIRED");
}

function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  }
  return value;
}

/** A NetworkPolicy denies all traffic, in and out, to every pod that no other policy lets through. */
export function defaultDeny(objects) {
  const denies = ofKind(objects, "NetworkPolicy").some((policy) => Object.keys(policy.spec?.podSelector ?? {}).length === 0
    && ["Ingress", "Egress"].every((type) => (policy.spec.policyTypes ?? []).includes(type))
    && !policy.spec.ingress?.length && !policy.spec.egress?.length);
  return denies ? [] : ["no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)"];
}

/** Production survives a node going away: two replicas or more, spread across nodes; no demo accounts. */
export function productionRedundant(objects) {
  const problems = [];
  for (const app of apps()) {
    const workload = ofKind(objects, "Deployment").find((d) => d.metadata.name === app.artifactId);
    const autoscaler = ofKind(objects, "HorizontalPodAutoscaler").find((hpa) => hpa.spec?.scaleTargetRef?.name === app.artifactId);
    if (!workload) {
      continue;
    }
    if ((workload.spec.replicas ?? 1) < 2) {
      problems.push(`${nameOf(workload)}: ${workload.spec.replicas ?? 1} replica in production`);
    }
    if (autoscaler && (autoscaler.spec.minReplicas ?? 1) < 2) {
      problems.push(`${nameOf(autoscaler)}: minReplicas ${autoscaler.spec.minReplicas ?? 1} in production`);
    }
    const pod = podSpecOf(workload);
    if (!pod.affinity?.podAntiAffinity && !(pod.topologySpreadConstraints ?? []).length) {
      problems.push(`${nameOf(workload)}: nothing spreads its replicas across nodes`);
    }
  }
  for (const realmImport of ofKind(objects, "KeycloakRealmImport")) {
    const demo = (realmImport.spec.realm.users ?? [])
      .filter((user) => (user.credentials ?? []).some((credential) => credential.value === user.username));
    if (demo.length) {
      problems.push(`${nameOf(realmImport)}: demo users whose password is their name: ${demo.map((u) => u.username).join(", ")}`);
    }
  }
  return problems;
}

// --- Traffic between services: Kafka, PostgreSQL and Keycloak, each over TLS with the server verified ---------------

/**
 * A container's environment as Kubernetes builds it: the data of each envFrom ConfigMap, then env, which wins. Each
 * variable is { value } or { valueFrom }.
 */
function environmentOf(objects, container) {
  const env = new Map();
  for (const source of container.envFrom ?? []) {
    const configMap = ofKind(objects, "ConfigMap").find((c) => c.metadata.name === source.configMapRef?.name);
    for (const [key, value] of Object.entries(configMap?.data ?? {})) {
      env.set((source.prefix ?? "") + key, { value });
    }
  }
  for (const entry of container.env ?? []) {
    env.set(entry.name, { value: entry.value, valueFrom: entry.valueFrom });
  }
  return env;
}

/** The Secret and key a file of a container comes from (a secret volume or a projected volume's secret), or null. */
function mountedSecretFile(pod, container, file) {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
  for (const mount of mounts) {
    const directory = mount.mountPath.replace(/\/+$/, "");
    let relative;
    if (file === directory && mount.subPath) {
      relative = mount.subPath;
    } else if (file.startsWith(directory + "/")) {
      relative = (mount.subPath ? mount.subPath + "/" : "") + file.slice(directory.length + 1);
    } else {
      continue;
    }
    const volume = (pod.volumes ?? []).find((v) => v.name === mount.name) ?? {};
    const sources = volume.secret
      ? [{ secret: { name: volume.secret.secretName, items: volume.secret.items } }]
      : volume.projected?.sources ?? [];
    for (const { secret } of sources.filter((source) => source.secret)) {
      const item = secret.items ? secret.items.find((i) => i.path === relative) : { key: relative };
      if (item) {
        return { secret: secret.name, key: item.key };
      }
    }
    return null;
  }
  return null;
}

const operationsOf = (acl) => acl.operations ?? (acl.operation ? [acl.operation] : []);
const userOperatorOf = (objects, user) => ofKind(objects, "Kafka")
  .find((kafka) => kafka.metadata.name === user.metadata.labels?.["strimzi.io/cluster"])?.spec?.entityOperator?.userOperator;

/** The apps that talk to Kafka: they consume a topic, or their outbox relay publishes one. */
const kafkaApps = () => apps().filter((app) => app.consumes.length > 0 || app.checkpointTopic
  || Object.values(TOPIC_PRODUCERS).includes(app.artifactId));

/**
 * Kafka lets no one in unauthenticated or in clear: every listener is TLS and authenticates its clients, the cluster
 * enforces ACLs (simple authorization, no super users) and runs the user operator, which gives each KafkaUser its
 * credentials and ACLs. Every app that uses Kafka logs in as its own KafkaUser (SCRAM-SHA-512, the credentials from
 * that user's Secret) on such a listener, and verifies the broker against the cluster's CA (mounted) and its host name.
 */
export function kafkaAuthenticated(objects) {
  const problems = [];
  const clusters = ofKind(objects, "Kafka");
  for (const kafka of clusters) {
    const spec = kafka.spec?.kafka ?? {};
    for (const listener of spec.listeners ?? []) {
      const where = `${nameOf(kafka)}: listener ${listener.name} (${listener.port})`;
      if (listener.tls !== true) {
        problems.push(`${where} is not TLS: events cross the network in clear`);
      }
      if (!listener.authentication?.type) {
        problems.push(`${where} lets clients in without authentication`);
      }
    }
    if (spec.authorization?.type !== "simple") {
      problems.push(`${nameOf(kafka)}: no ACLs enforced (spec.kafka.authorization.type is ${spec.authorization?.type ?? "unset"}, not simple)`);
    }
    if ((spec.authorization?.superUsers ?? []).length) {
      problems.push(`${nameOf(kafka)}: super users ${spec.authorization.superUsers.join(", ")} bypass every ACL`);
    }
    if (!kafka.spec?.entityOperator?.userOperator) {
      problems.push(`${nameOf(kafka)}: no user operator: KafkaUsers get neither credentials nor ACLs`);
    }
  }
  for (const app of kafkaApps()) {
    const workload = ofKind(objects, "Deployment").find((d) => d.metadata.name === app.artifactId);
    if (!workload) {
      continue;
    }
    const user = ofKind(objects, "KafkaUser").find((u) => u.metadata.name === app.artifactId);
    if (!user) {
      problems.push(`${nameOf(workload)}: no KafkaUser ${app.artifactId} to log in to Kafka as`);
      continue;
    }
    const kafka = clusters.find((k) => k.metadata.name === user.metadata.labels?.["strimzi.io/cluster"]);
    if (!kafka) {
      problems.push(`${nameOf(user)}: belongs to Kafka cluster "${user.metadata.labels?.["strimzi.io/cluster"]}", which the overlay does not have`);
      continue;
    }
    if (user.spec?.authentication?.type !== "scram-sha-512") {
      problems.push(`${nameOf(user)}: authentication ${user.spec?.authentication?.type ?? "none"}, not scram-sha-512`);
    }
    const cluster = kafka.metadata.name;
    const listeners = (kafka.spec.kafka?.listeners ?? [])
      .filter((l) => l.tls === true && l.authentication?.type === "scram-sha-512")
      .map((l) => `${cluster}-kafka-bootstrap:${l.port}`);
    const secret = `${userOperatorOf(objects, user)?.secretPrefix ?? ""}${user.metadata.name}`;
    const pod = podSpecOf(workload);
    for (const container of pod.containers ?? []) {
      const where = `${nameOf(workload)} container ${container.name}`;
      const env = environmentOf(objects, container);
      const value = (name) => env.get(name)?.value;
      for (const server of (value("KAFKA_BOOTSTRAP_SERVERS") ?? "(unset)").split(",").map((s) => s.trim())) {
        if (!listeners.includes(server)) {
          problems.push(`${where}: KAFKA_BOOTSTRAP_SERVERS ${server} is not a TLS listener with SCRAM-SHA-512 (${listeners.join(", ") || "none"})`);
        }
      }
      if (value("KAFKA_SECURITY_PROTOCOL") !== "SASL_SSL") {
        problems.push(`${where}: KAFKA_SECURITY_PROTOCOL is ${value("KAFKA_SECURITY_PROTOCOL") ?? "unset (PLAINTEXT)"}, not SASL_SSL`);
      }
      if (value("KAFKA_SASL_MECHANISM") !== "SCRAM-SHA-512") {
        problems.push(`${where}: KAFKA_SASL_MECHANISM is ${value("KAFKA_SASL_MECHANISM") ?? "unset"}, not SCRAM-SHA-512`);
      }
      const login = env.get("KAFKA_SASL_JAAS_CONFIG")?.valueFrom?.secretKeyRef;
      if (login?.name !== secret || login?.key !== "sasl.jaas.config") {
        const actual = login ? `key ${login.key} of Secret ${login.name}` : "not from a Secret";
        problems.push(`${where}: KAFKA_SASL_JAAS_CONFIG is ${actual}, not key sasl.jaas.config of Secret ${secret} `
          + `(KafkaUser ${user.metadata.name}'s own)`);
      }
      const identification = env.get("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
      if (identification && identification.value?.toLowerCase() !== "https") {
        problems.push(`${where}: KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM "${identification.value ?? ""}" turns off the check of the broker's host name`);
      }
      if (value("KAFKA_SSL_TRUSTSTORE_TYPE") !== "PEM") {
        problems.push(`${where}: KAFKA_SSL_TRUSTSTORE_TYPE is ${value("KAFKA_SSL_TRUSTSTORE_TYPE") ?? "unset"}, not PEM (the cluster CA's ca.crt)`);
      }
      const truststore = value("KAFKA_SSL_TRUSTSTORE_LOCATION");
      const file = truststore && mountedSecretFile(pod, container, truststore);
      if (file?.secret !== `${cluster}-cluster-ca-cert` || file.key !== "ca.crt") {
        problems.push(`${where}: KAFKA_SSL_TRUSTSTORE_LOCATION ${truststore ?? "(unset)"} is not ca.crt of Secret ${cluster}-cluster-ca-cert mounted in the pod`);
      }
    }
  }
  return problems;
}

/**
 * Each app's KafkaUser may do exactly what the app does, read from the project: Write and Describe on the topic it
 * publishes (TOPIC_PRODUCERS; and where its relay sends checkpoints); Read and Describe on each topic it consumes,
 * Write and Describe on their dead-letter topics; Read on its consumer groups. No user at all may write a topic but
 * its producer, or a dead-letter topic but the consumers of its topic: consumers trust an event (a consent among them)
 * because only its owner can have written it. No wildcard or prefix ACLs on topics and groups, no rights to change
 * ACLs or the cluster.
 */
export function kafkaAclsExact(objects) {
  const problems = [];
  const { topics, deadLetterOf } = contractTopics();
  const writers = new Map();
  for (const topic of topics) {
    const producer = apps().find((app) => app.artifactId === TOPIC_PRODUCERS[topic]);
    if (!producer) {
      problems.push(`topic ${topic} has no producing app (TOPIC_PRODUCERS in check/project.mjs)`);
    }
    writers.set(topic, producer ? [producer.artifactId] : []);
    writers.set(deadLetterOf(topic), apps().filter((app) => app.consumes.includes(topic)).map((app) => app.artifactId));
  }
  const key = (type, name, operation) => `${operation} on ${type} ${name}`;
  for (const user of ofKind(objects, "KafkaUser")) {
    const name = user.metadata.name;
    const granted = new Set();
    for (const acl of (user.spec?.authorization?.acls ?? []).filter((a) => (a.type ?? "allow") === "allow")) {
      const { type, name: resource, patternType = "literal" } = acl.resource ?? {};
      const operations = operationsOf(acl);
      operations.forEach((operation) => granted.add(key(type, patternType === "literal" ? resource : `${resource}*`, operation)));
      if (["topic", "group"].includes(type) && (resource === "*" || patternType !== "literal")) {
        const named = patternType === "literal" ? resource : `prefix ${resource}`;
        problems.push(`${nameOf(user)}: ACL on ${type} ${named}: name each ${type} (no wildcard or prefix)`);
      } else if (type === "topic" && operations.some((op) => op === "Write" || op === "All")
        && !(writers.get(resource) ?? []).includes(name)) {
        const allowed = writers.get(resource) ?? [];
        const who = allowed.length ? `only ${allowed.join(", ")} may write` : "no user may write";
        problems.push(`${nameOf(user)}: Write on topic ${resource}, which ${who}`);
      }
      if (type === "cluster" && operations.some((op) => ["All", "Alter", "AlterConfigs", "ClusterAction"].includes(op))) {
        problems.push(`${nameOf(user)}: ${operations.join(", ")} on the cluster (it could change ACLs or brokers)`);
      }
    }
    const app = apps().find((a) => a.artifactId === name);
    if (!app) {
      continue;
    }
    const expected = new Set();
    const want = (type, resource, ...operations) => operations.forEach((operation) => expected.add(key(type, resource, operation)));
    for (const topic of Object.keys(TOPIC_PRODUCERS).filter((t) => TOPIC_PRODUCERS[t] === name)) {
      want("topic", topic, "Write", "Describe");
    }
    if (app.checkpointTopic) {
      want("topic", app.checkpointTopic, "Write", "Describe");
    }
    for (const topic of app.consumes) {
      want("topic", topic, "Read", "Describe");
      want("topic", deadLetterOf(topic), "Write", "Describe");
    }
    app.groups.forEach((group) => want("group", group, "Read"));
    for (const missing of [...expected].filter((grant) => !granted.has(grant))) {
      problems.push(`${nameOf(user)}: no ${missing}, which ${name} needs`);
    }
    for (const extra of [...granted].filter((grant) => !expected.has(grant))) {
      problems.push(`${nameOf(user)}: ${extra}, which ${name} does not need`);
    }
  }
  return problems;
}

const JDBC_POSTGRES = /^jdbc:postgresql:\/\/([^:/?,]+)/;

/** What a PostgreSQL JDBC URL lacks to verify its server: sslmode=verify-full and a CA (sslrootcert). */
function jdbcProblems(url) {
  const query = new URLSearchParams(url.split("?")[1] ?? "");
  const problems = [];
  if (query.get("sslmode") !== "verify-full") {
    problems.push(`does not verify the server (sslmode=${query.get("sslmode") ?? "unset, pgjdbc's prefer"}, not verify-full)`);
  }
  if (!query.get("sslrootcert")) {
    problems.push("names no CA to verify the server against (sslrootcert)");
  }
  if (/NonValidating/.test(query.get("sslfactory") ?? "")) {
    problems.push(`skips the certificate check (sslfactory=${query.get("sslfactory")})`);
  }
  return problems;
}

/**
 * Every connection to PostgreSQL verifies the server: each JDBC URL (ConfigMaps, containers' env, Keycloak's db.url)
 * has sslmode=verify-full and sslrootcert, and in a pod sslrootcert is ca.crt of the server CA's Secret of the
 * CloudNativePG cluster the URL's host belongs to, mounted there. Keycloak names its database by URL, since
 * db.host/port/database leave pgjdbc's sslmode=prefer.
 */
export function databaseVerified(objects) {
  const problems = [];
  const clusters = ofKind(objects, "Cluster");
  const caSecretOf = (url) => {
    const host = JDBC_POSTGRES.exec(url)?.[1] ?? "";
    const cluster = clusters.find((c) => ["rw", "ro", "r"]
      .some((service) => host === `${c.metadata.name}-${service}` || host.startsWith(`${c.metadata.name}-${service}.`)));
    return cluster ? cluster.spec?.certificates?.serverCASecret ?? `${cluster.metadata.name}-ca` : null;
  };
  const checkMounted = (where, url, pod, container) => {
    const rootCert = new URLSearchParams(url.split("?")[1] ?? "").get("sslrootcert");
    const caSecret = caSecretOf(url);
    if (!rootCert) {
      return;
    }
    if (!caSecret) {
      problems.push(`${where}: ${JDBC_POSTGRES.exec(url)?.[1]} is no service of a CloudNativePG cluster of the overlay`);
      return;
    }
    const file = mountedSecretFile(pod, container, rootCert);
    if (file?.secret !== caSecret || file.key !== "ca.crt") {
      problems.push(`${where}: sslrootcert ${rootCert} is not ca.crt of Secret ${caSecret} mounted in the pod`);
    }
  };
  for (const configMap of ofKind(objects, "ConfigMap")) {
    for (const [name, value] of Object.entries(configMap.data ?? {}).filter(([, v]) => JDBC_POSTGRES.test(v))) {
      problems.push(...jdbcProblems(value).map((problem) => `${nameOf(configMap)}: ${name} ${problem}`));
    }
  }
  for (const workload of ofKind(objects, ...WORKLOADS)) {
    const pod = podSpecOf(workload);
    for (const container of containersOf(workload)) {
      const where = `${nameOf(workload)} container ${container.name}`;
      for (const entry of (container.env ?? []).filter((e) => JDBC_POSTGRES.test(e.value ?? ""))) {
        problems.push(...jdbcProblems(entry.value).map((problem) => `${where}: ${entry.name} ${problem}`));
      }
      for (const [name, { value }] of environmentOf(objects, container)) {
        if (JDBC_POSTGRES.test(value ?? "")) {
          checkMounted(`${where}: ${name}`, value, pod, container);
        }
      }
    }
  }
  for (const keycloak of ofKind(objects, "Keycloak")) {
    const db = keycloak.spec?.db ?? {};
    if (db.vendor !== "postgres") {
      continue;
    }
    if (!db.url) {
      problems.push(`${nameOf(keycloak)}: no db.url: its database connection (db.host ${db.host ?? "unset"}) keeps pgjdbc's sslmode=prefer and verifies no server`);
      continue;
    }
    problems.push(...jdbcProblems(db.url).map((problem) => `${nameOf(keycloak)}: db.url ${problem}`));
    const pod = keycloak.spec.unsupported?.podTemplate?.spec ?? {};
    const container = (pod.containers ?? []).find((c) => c.name === "keycloak") ?? {};
    checkMounted(`${nameOf(keycloak)}: db.url`, db.url, pod, container);
  }
  return problems;
}

const OIDC_SERVER_URL = /^QUARKUS_OIDC.*_AUTH_SERVER_URL$/;
const tlsBucketVariable = (name) => `QUARKUS_TLS__${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}__TRUST_STORE_PEM_CERTS`;

/**
 * Keycloak speaks HTTPS only (spec.http.httpEnabled false, a tlsSecret whose certificate names the in-cluster
 * service) and is reached only that way: every OIDC server URL is https; an app that reaches Keycloak inside the
 * cluster names a Quarkus TLS configuration for its OIDC tenant (and its OIDC client, where it has one) that trusts
 * Keycloak's CA, ca.crt of Keycloak's Secret (or of its CA issuer's) mounted in the pod, as does a JVM trust store
 * set in JAVA_TOOL_OPTIONS; the ingress re-encrypts to Keycloak and verifies its certificate.
 */
export function keycloakOverTls(objects) {
  const problems = [];
  const trusted = new Set();
  const services = [];
  for (const keycloak of ofKind(objects, "Keycloak")) {
    const http = keycloak.spec?.http ?? {};
    const service = `${keycloak.metadata.name}-service`;
    services.push(service);
    if (http.httpEnabled !== false) {
      problems.push(`${nameOf(keycloak)}: HTTP is on (spec.http.httpEnabled): tokens and signing keys cross the network in clear`);
    }
    if (!http.tlsSecret) {
      problems.push(`${nameOf(keycloak)}: no spec.http.tlsSecret: Keycloak has no certificate to speak HTTPS with`);
      continue;
    }
    trusted.add(http.tlsSecret);
    const certificate = ofKind(objects, "Certificate").find((c) => c.spec?.secretName === http.tlsSecret);
    if (certificate && !(certificate.spec.dnsNames ?? []).includes(service)) {
      problems.push(`${nameOf(certificate)}: Keycloak's certificate does not name ${service}, the address the apps use`);
    }
    const issuerRef = certificate?.spec?.issuerRef ?? {};
    const issuer = ofKind(objects, issuerRef.kind ?? "Issuer").find((i) => i.metadata.name === issuerRef.name);
    if (issuer?.spec?.ca?.secretName) {
      trusted.add(issuer.spec.ca.secretName);
    }
  }
  const inCluster = (url) => {
    const host = /^https?:\/\/([^:/]+)/.exec(url ?? "")?.[1] ?? "";
    return services.some((service) => host === service || host.startsWith(`${service}.`));
  };
  const trusts = (pod, container, file) => {
    const mounted = mountedSecretFile(pod, container, file);
    return mounted && trusted.has(mounted.secret) ? mounted : null;
  };
  const notHttps = (value) => typeof value === "string" && !value.startsWith("https://");
  for (const configMap of ofKind(objects, "ConfigMap")) {
    for (const [name, value] of Object.entries(configMap.data ?? {}).filter(([n, v]) => OIDC_SERVER_URL.test(n) && notHttps(v))) {
      problems.push(`${nameOf(configMap)}: ${name} ${value} is not https`);
    }
  }
  for (const workload of ofKind(objects, ...WORKLOADS)) {
    const pod = podSpecOf(workload);
    const app = apps().find((a) => a.artifactId === workload.metadata.name);
    for (const container of containersOf(workload)) {
      const where = `${nameOf(workload)} container ${container.name}`;
      for (const entry of (container.env ?? []).filter((e) => OIDC_SERVER_URL.test(e.name) && notHttps(e.value))) {
        problems.push(`${where}: ${entry.name} ${entry.value} is not https`);
      }
      const env = environmentOf(objects, container);
      if (!inCluster(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")?.value) && !inCluster(env.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL")?.value)) {
        continue;
      }
      const tenants = [["QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME", "its OIDC tenant"]];
      if (app?.oidcClient || env.has("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL")) {
        tenants.push(["QUARKUS_OIDC_CLIENT_TLS_TLS_CONFIGURATION_NAME", "its OIDC client"]);
      }
      const buckets = new Set();
      for (const [variable, what] of tenants) {
        const bucket = env.get(variable)?.value;
        if (!bucket) {
          problems.push(`${where}: no ${variable}: ${what} does not trust Keycloak's CA (the JVM's CAs do not know it)`);
          continue;
        }
        if (buckets.has(bucket)) {
          continue;
        }
        buckets.add(bucket);
        const certs = env.get(tlsBucketVariable(bucket))?.value;
        if (!(certs ?? "").split(",").some((file) => trusts(pod, container, file.trim())?.key === "ca.crt")) {
          problems.push(`${where}: ${tlsBucketVariable(bucket)} ${certs ?? "(unset)"} is not ca.crt of Keycloak's CA `
            + `(Secret ${[...trusted].join(" or ") || "none"}) mounted in the pod`);
        }
      }
      const jvmTrustStore = /-Djavax\.net\.ssl\.trustStore=(\S+)/.exec(env.get("JAVA_TOOL_OPTIONS")?.value ?? "")?.[1];
      if (jvmTrustStore && !trusts(pod, container, jvmTrustStore)) {
        problems.push(`${where}: the JVM's trust store ${jvmTrustStore} (JAVA_TOOL_OPTIONS) is not Keycloak's CA `
          + `(Secret ${[...trusted].join(" or ") || "none"}) mounted in the pod`);
      }
    }
  }
  for (const ingress of ofKind(objects, "Ingress")) {
    const toKeycloak = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? [])
      .some((p) => services.includes(p.backend?.service?.name));
    const annotations = ingress.metadata.annotations ?? {};
    if (toKeycloak && annotations["nginx.ingress.kubernetes.io/backend-protocol"] !== "HTTPS") {
      problems.push(`${nameOf(ingress)}: reaches Keycloak over plain HTTP (nginx.ingress.kubernetes.io/backend-protocol is not HTTPS)`);
    }
    if (toKeycloak && annotations["nginx.ingress.kubernetes.io/proxy-ssl-verify"] !== "on") {
      problems.push(`${nameOf(ingress)}: does not verify Keycloak's certificate (nginx.ingress.kubernetes.io/proxy-ssl-verify is not on)`);
    }
  }
  return problems;
}

export const RULES = {
  hardenedContainers, referencesResolve, topicsDeclared, imagesMatchJib, scalingBounded, realmIsTheLocalStacks, defaultDeny,
  kafkaAuthenticated, kafkaAclsExact, databaseVerified, keycloakOverTls,
};
export const PRODUCTION_RULES = { productionRedundant };
