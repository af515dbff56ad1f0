// Validates each rendered object against the schema of its apiVersion and kind: Kubernetes' own (kubernetes-models),
// Strimzi, CloudNativePG, prometheus-operator, cert-manager and external-secrets (their @kubernetes-models packages,
// generated from the CRDs), and the Keycloak operator (keycloak-schema.mjs: its CRDs are in no package registry).
import Ajv from "ajv";
import { nameOf } from "./render.mjs";
import { KEYCLOAK_SCHEMAS } from "./keycloak-schema.mjs";

/** API groups and the package whose models describe them. */
const PACKAGES = {
  "": "kubernetes-models",
  apps: "kubernetes-models",
  autoscaling: "kubernetes-models",
  policy: "kubernetes-models",
  "networking.k8s.io": "kubernetes-models",
  "rbac.authorization.k8s.io": "kubernetes-models",
  batch: "kubernetes-models",
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "external-secrets.io": "@kubernetes-models/external-secrets",
};

const ajv = new Ajv({ allErrors: true, strict: false });
const keycloakValidators = Object.fromEntries(
  Object.entries(KEYCLOAK_SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]),
);

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = PACKAGES[group];
  if (!pkg) {
    return null;
  }
  const modulePath = group === "" ? `${pkg}/${version}/${kind}` : `${pkg}/${group}/${version}/${kind}`;
  try {
    const module = await import(modulePath);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

/** The problems of one object against its schema; an object of an unknown apiVersion/kind is a problem too. */
export async function schemaProblems(object) {
  if (object.apiVersion === "k8s.keycloak.org/v2alpha1") {
    const validate = keycloakValidators[object.kind];
    if (!validate) {
      return [`${nameOf(object)}: no schema for ${object.apiVersion} ${object.kind}`];
    }
    return validate(object) ? [] : validate.errors.map((e) => `${nameOf(object)}: ${e.instancePath} ${e.message}`);
  }
  const Model = await modelOf(object.apiVersion, object.kind);
  if (!Model) {
    return [`${nameOf(object)}: no schema for ${object.apiVersion} ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${nameOf(object)}: ${error.message}`];
  }
}
