// Cairn's deployment rules, checked on the objects an overlay renders to. Each rule returns its problems, one line
// each; no problem means the rule holds.
import fs from "node:fs";
import path from "node:path";
import { ROOT, nameOf } from "./render.mjs";
import { apps, archiveTags, contractTopics } from "./project.mjs";

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
 * Every Secret and ConfigMap a manifest refers to is in the overlay: as an object, as the target of an ExternalSecret,
 * or as the secret of a cert-manager Certificate.
 */
export function referencesResolve(objects) {
  const provided = { Secret: new Set(), ConfigMap: new Set() };
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
  "passwordPolicy", "accessTokenLifespan"];

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
  return problems;
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

export const RULES = { hardenedContainers, referencesResolve, topicsDeclared, imagesMatchJib, scalingBounded, realmIsTheLocalStacks, defaultDeny };
export const PRODUCTION_RULES = { productionRedundant };
