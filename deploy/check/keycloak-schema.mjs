// The Keycloak operator's custom resources (k8s.keycloak.org/v2alpha1, operator 26.x), as far as Cairn uses them.
// The operator publishes its CRDs only with its releases, in no package registry this check can reach, so this is the
// part of their schema Cairn's manifests touch, kept by hand from the operator's CRD reference: unknown fields are
// refused at every level written here, so a misspelt field fails the check instead of being ignored by the operator.
const name = { type: "string", minLength: 1 };
const secretKey = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name, key: { type: "string" }, optional: { type: "boolean" } },
};
const metadata = {
  type: "object",
  required: ["name"],
  properties: { name, namespace: { type: "string" }, labels: { type: "object" }, annotations: { type: "object" } },
};
const strictObject = (properties, required = []) => ({ type: "object", additionalProperties: false, properties, required });

const keycloak = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "Keycloak" },
    metadata,
    spec: strictObject({
      instances: { type: "integer", minimum: 1 },
      image: { type: "string" },
      imagePullSecrets: { type: "array", items: strictObject({ name }) },
      startOptimized: { type: "boolean" },
      db: strictObject({
        vendor: { enum: ["postgres", "mysql", "mariadb", "mssql", "oracle", "dev-file"] },
        host: { type: "string" },
        port: { type: "integer" },
        database: { type: "string" },
        schema: { type: "string" },
        url: { type: "string" },
        usernameSecret: secretKey,
        passwordSecret: secretKey,
        poolInitialSize: { type: "integer" },
        poolMinSize: { type: "integer" },
        poolMaxSize: { type: "integer" },
      }),
      hostname: strictObject({
        hostname: { type: "string" },
        admin: { type: "string" },
        strict: { type: "boolean" },
        backchannelDynamic: { type: "boolean" },
      }),
      http: strictObject({
        httpEnabled: { type: "boolean" },
        httpPort: { type: "integer" },
        httpsPort: { type: "integer" },
        tlsSecret: { type: "string" },
        annotations: { type: "object" },
        labels: { type: "object" },
      }),
      httpManagement: strictObject({ port: { type: "integer" } }),
      proxy: strictObject({ headers: { enum: ["forwarded", "xforwarded"] } }),
      ingress: strictObject({
        enabled: { type: "boolean" },
        className: { type: "string" },
        annotations: { type: "object" },
        tlsSecret: { type: "string" },
      }),
      features: strictObject({
        enabled: { type: "array", items: { type: "string" } },
        disabled: { type: "array", items: { type: "string" } },
      }),
      additionalOptions: {
        type: "array",
        items: strictObject({ name, value: { type: "string" }, secret: secretKey }, ["name"]),
      },
      bootstrapAdmin: strictObject({
        user: strictObject({ secret: { type: "string" } }),
        service: strictObject({ secret: { type: "string" } }),
      }),
      networkPolicy: strictObject({
        enabled: { type: "boolean" },
        http: { type: "array" },
        https: { type: "array" },
        management: { type: "array" },
      }),
      resources: strictObject({ requests: { type: "object" }, limits: { type: "object" } }),
      scheduling: strictObject({
        priorityClassName: { type: "string" },
        affinity: { type: "object" },
        tolerations: { type: "array" },
        topologySpreadConstraints: { type: "array" },
      }),
      serviceMonitor: strictObject({ enabled: { type: "boolean" }, interval: { type: "string" }, scrapeTimeout: { type: "string" } }),
      unsupported: strictObject({ podTemplate: { type: "object" } }),
      update: strictObject({ strategy: { enum: ["Auto", "Explicit", "Recreate", "RollingUpdate"] }, revision: { type: "string" } }),
      truststores: { type: "object" },
      tracing: { type: "object" },
      transaction: strictObject({ xaEnabled: { type: "boolean" } }),
      cache: strictObject({ configMapFile: secretKey }),
    }),
  },
};

const keycloakRealmImport = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "KeycloakRealmImport" },
    metadata,
    spec: strictObject(
      {
        keycloakCRName: name,
        realm: { type: "object", required: ["realm"], properties: { realm: name } },
        placeholders: {
          type: "object",
          additionalProperties: strictObject({ secret: secretKey }, ["secret"]),
        },
        resources: strictObject({ requests: { type: "object" }, limits: { type: "object" } }),
      },
      ["keycloakCRName", "realm"],
    ),
  },
};

export const KEYCLOAK_SCHEMAS = { Keycloak: keycloak, KeycloakRealmImport: keycloakRealmImport };
