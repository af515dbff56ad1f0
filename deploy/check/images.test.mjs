// With the images profile (archives required): the gateway's image runs from nothing but its own layers, as the image's
// user, and answers its liveness probe. Unpacked into a folder and started with chroot in fresh mount and PID
// namespaces (the container runtime's part), which needs root, as CI has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { apps } from "./project.mjs";

const required = process.env.CAIRN_IMAGE_ARCHIVES === "required";

if (required) {
  test("the gateway image runs on its own layers as its own user and answers /q/health/live", async (t) => {
    assert.equal(process.getuid(), 0, "starting an image without a container runtime needs root (chroot, mount namespace)");
    const gateway = apps().find((app) => app.artifactId === "gateway");
    const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-image-"));
    t.after(() => fs.rmSync(unpacked, { recursive: true, force: true }));
    execFileSync("tar", ["-xf", gateway.archive, "-C", unpacked]);
    const [manifest] = JSON.parse(fs.readFileSync(path.join(unpacked, "manifest.json"), "utf8"));
    const { config } = JSON.parse(fs.readFileSync(path.join(unpacked, manifest.Config), "utf8"));
    const rootfs = path.join(unpacked, "rootfs");
    fs.mkdirSync(rootfs);
    for (const layer of manifest.Layers) {
      execFileSync("tar", ["-xzf", path.join(unpacked, layer), "-C", rootfs, "--warning=no-unknown-keyword"]);
    }
    fs.mkdirSync(path.join(rootfs, "proc"), { recursive: true });
    assert.notEqual(config.User, "0", "the image runs as root");
    assert.ok(!fs.existsSync(path.join(rootfs, "bin/sh")), "the image has a shell");

    const port = await freePort();
    // The entrypoint as the image gives it; the jar by its path under the working directory, since chroot starts at /.
    const entrypoint = config.Entrypoint.map((arg) => (arg.endsWith(".jar") ? path.posix.join(config.WorkingDir, arg) : arg));
    const env = Object.fromEntries(config.Env.map((entry) => entry.split(/=(.*)/s).slice(0, 2)));
    const app = spawn(onHost("unshare"), ["--mount", "--pid", "--fork", `--mount-proc=${path.join(rootfs, "proc")}`,
      onHost("chroot"), `--userspec=${config.User}:${config.User}`, rootfs, ...entrypoint], {
      env: { ...env, QUARKUS_HTTP_PORT: String(port), QUARKUS_OIDC_AUTH_SERVER_URL: "http://127.0.0.1:9/realms/cairn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    app.stdout.on("data", (chunk) => { output += chunk; });
    app.stderr.on("data", (chunk) => { output += chunk; });
    t.after(async () => {
      // The JVM is PID 1 of its namespace: killing it ends the namespace, then unshare (which ignores SIGTERM while
      // it waits) exits by itself. Its parent-death signal cannot do it: chroot --userspec changes the user.
      const ended = new Promise((resolve) => app.once("close", resolve));
      for (const child of childrenOf(app.pid)) {
        process.kill(child, "SIGKILL");
      }
      await ended;
    });

    const status = await waitForLive(`http://127.0.0.1:${port}/q/health/live`, app, 90_000);
    assert.equal(status, 200, `no live answer from the image; it printed:\n${output.slice(-3000)}`);
  });
}

/** A host program's full path: the app's environment is the image's, whose PATH names only the image's folders. */
function onHost(program) {
  const found = process.env.PATH.split(":").map((dir) => path.join(dir, program)).find((file) => fs.existsSync(file));
  assert.ok(found, `${program} is not on this machine`);
  return found;
}

function childrenOf(pid) {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForLive(url, process, within) {
  const deadline = Date.now() + within;
  while (Date.now() < deadline && process.exitCode === null) {
    try {
      const response = await fetch(url);
      if (response.status === 200) {
        return 200;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}
