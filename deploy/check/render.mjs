// Renders a kustomize overlay offline, with the kustomize built into kubectl.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import yaml from "js-yaml";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const OVERLAYS = ["local", "prod"];

/** The objects an overlay renders to, in kustomize's order. */
export function render(overlay) {
  const out = execFileSync("kubectl", ["kustomize", path.join(ROOT, "deploy/overlays", overlay)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return yaml.loadAll(out).filter((object) => object != null);
}

/** "Kind/namespace/name", how problems name an object. */
export function nameOf(object) {
  const metadata = object.metadata ?? {};
  return `${object.kind}/${metadata.namespace ? metadata.namespace + "/" : ""}${metadata.name}`;
}
