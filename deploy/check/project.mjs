// What the manifests must agree with, read from the project itself: the topics in platform/contracts, the topics each
// app consumes, and the image names and tag the images profile gives Jib.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./render.mjs";

/** Every topic of platform/contracts' Topics, with its dead-letter topic (as service-kit's DeadLetters names it). */
export function contractTopics() {
  const source = fs.readFileSync(path.join(ROOT, "platform/contracts/src/main/java/io/cairn/contracts/Topics.java"), "utf8");
  const suffix = /DEAD_LETTER_SUFFIX\s*=\s*"([^"]+)"/.exec(source)[1];
  const topics = [...source.matchAll(/public static final String \w+\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
  return { topics, deadLetters: topics.map((topic) => topic + suffix), deadLetterOf: (topic) => topic + suffix };
}

/**
 * The app whose outbox relay publishes each topic of platform/contracts' Topics (each service publishes only its
 * own topic: EventType names the topic of every event, Outbox writes it there): the only one that may write it.
 */
export const TOPIC_PRODUCERS = {
  "cairn.intake.v1": "intake-service",
  "cairn.treatment-plan.v1": "treatment-plan-service",
  "cairn.scheduling.v1": "scheduling-service",
  "cairn.aftercare.v1": "aftercare-service",
  "cairn.worklist.v1": "worklist-service",
};

function properties(file) {
  const entries = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const match = /^([^#%\s][^=]*)=(.*)$/.exec(line.trim());
    if (match) {
      entries[match[1].trim()] = match[2].trim();
    }
  }
  return entries;
}

function pomValue(pom, tag) {
  const match = new RegExp(`<${tag.replaceAll(".", "\\.")}>([^<]+)</`).exec(pom);
  return match ? match[1].trim() : null;
}

/**
 * The apps that build an image: the modules with quarkus-container-image-jib, each with the image name Jib gives it
 * (group/artifactId:version, as in the root pom's images profile), the topics it consumes and its consumer groups
 * (SmallRye's incoming Kafka channels: `topic`, or `topics`, else the channel's name; `group.id`, else kafka.group.id,
 * else the application's name), the topic its outbox relay sends checkpoints to, and whether it uses an OIDC client.
 */
export function apps() {
  appsRead ??= readApps();
  return appsRead;
}

let appsRead;

function readApps() {
  const root = fs.readFileSync(path.join(ROOT, "pom.xml"), "utf8");
  const version = /<artifactId>cairn-parent<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(root)[1];
  const group = pomValue(root, "quarkus.container-image.group");
  const name = pomValue(root, "quarkus.container-image.name");
  const tag = pomValue(root, "quarkus.container-image.tag");
  const modules = [...root.matchAll(/<module>([^<]+)<\/module>/g)].map((m) => m[1]);
  return modules
    .filter((module) => {
      const pom = path.join(ROOT, module, "pom.xml");
      return fs.existsSync(pom) && fs.readFileSync(pom, "utf8").includes("<artifactId>quarkus-container-image-jib</artifactId>");
    })
    .map((module) => {
      const pom = fs.readFileSync(path.join(ROOT, module, "pom.xml"), "utf8");
      const artifactId = /<\/parent>[\s\S]*?<artifactId>([^<]+)<\/artifactId>/.exec(pom)[1];
      const resolve = (value) => value.replace("${project.artifactId}", artifactId).replace("${project.version}", version);
      const config = properties(path.join(ROOT, module, "src/main/resources/application.properties"));
      const incoming = (channel, key) => config[`mp.messaging.incoming.${channel}.${key}`];
      // Quarkus picks the Kafka connector for a channel that names none (the only connector these apps have).
      const channels = [...new Set(Object.keys(config)
        .map((key) => /^mp\.messaging\.incoming\.([^.]+)\./.exec(key)?.[1])
        .filter((channel) => channel && (incoming(channel, "connector") ?? "smallrye-kafka") === "smallrye-kafka"))];
      const topicsOf = (channel) => (incoming(channel, "topics") ?? incoming(channel, "topic") ?? channel)
        .split(",").map((topic) => topic.trim()).filter(Boolean);
      const groupOf = (channel) => incoming(channel, "group.id") ?? config["kafka.group.id"]
        ?? config["quarkus.application.name"] ?? artifactId;
      return {
        module,
        artifactId,
        image: `${group}/${resolve(name)}:${resolve(tag)}`,
        archive: path.join(ROOT, module, "target/jib-image.tar"),
        consumes: [...new Set(channels.flatMap(topicsOf))],
        groups: [...new Set(channels.map(groupOf))],
        checkpointTopic: config["cairn.outbox.checkpoint-topic"] ?? null,
        oidcClient: Object.keys(config).some((key) => key.startsWith("quarkus.oidc-client.")),
      };
    });
}

/** The RepoTags of a docker-archive image file, read from its manifest.json. */
export function archiveTags(file) {
  const data = fs.readFileSync(file);
  for (let offset = 0; offset + 512 <= data.length;) {
    const header = data.subarray(offset, offset + 512);
    const entry = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    if (!entry) {
      break;
    }
    const size = parseInt(header.subarray(124, 136).toString("utf8").replace(/\0.*$/s, "").trim() || "0", 8);
    if (entry === "manifest.json") {
      const manifest = JSON.parse(data.subarray(offset + 512, offset + 512 + size).toString("utf8"));
      return manifest.flatMap((image) => image.RepoTags ?? []);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return [];
}
