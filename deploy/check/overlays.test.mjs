// Each overlay renders, every object it renders validates against its schema, and every deployment rule holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render } from "./render.mjs";
import { schemaProblems } from "./schemas.mjs";
import { PRODUCTION_RULES, RULES } from "./rules.mjs";

// With the images profile the image archives must exist, and carry the names the manifests run.
const requireArchives = process.env.CAIRN_IMAGE_ARCHIVES === "required";

for (const overlay of OVERLAYS) {
  const objects = render(overlay);

  test(`${overlay}: renders objects`, () => {
    assert.ok(objects.length > 0, "the overlay renders nothing");
  });

  test(`${overlay}: every object validates against its schema`, async () => {
    const problems = (await Promise.all(objects.map(schemaProblems))).flat();
    assert.deepEqual(problems, []);
  });

  const rules = overlay === "prod" ? { ...RULES, ...PRODUCTION_RULES } : RULES;
  for (const [name, rule] of Object.entries(rules)) {
    test(`${overlay}: ${name}`, () => {
      assert.deepEqual(rule(objects, { requireArchives, overlay }), []);
    });
  }
}
