// Tests for kubectl logs: generated output, the kubelet's run choice and kubectl's messages.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { createFromManifest } from "../../api/operations.ts";
import { findResource } from "../../api/resources.ts";
import { type Command, Output, reportError } from "../command.ts";
import { GLOBAL_FLAGS, parseFlags } from "../flags.ts";
import { logsCommand, logTimestamp } from "./logs.ts";

function exec(cluster: Cluster, command: Command, argv: string[]) {
  const out = new Output();
  const path = `kubectl ${command.name}`;
  const args = parseFlags(argv, [...GLOBAL_FLAGS, ...(command.flags ?? [])], path);
  const ctx = { cluster, args, namespace: "default", explicitNamespace: false, stdin: undefined, out, path };
  let code: number;
  try {
    code = command.run?.(ctx) ?? 0;
  } catch (e) {
    reportError(out, e);
    code = 1;
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

type Container = { name: string; image: string; command?: string[]; args?: string[] };

function pod(cluster: Cluster, name: string, containers: Container[], labels: Record<string, string> = {}) {
  const info = findResource("pods");
  if (!info) throw new Error("registry");
  const manifest = { apiVersion: "v1", kind: "Pod", metadata: { name, labels }, spec: { containers } };
  createFromManifest(cluster, info, manifest, "default");
}

const logs = (cluster: Cluster, ...argv: string[]) => exec(cluster, logsCommand, argv);

describe("kubectl logs", () => {
  it("prints an image's start-up lines and a command's output", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    pod(c, "web", [{ name: "nginx", image: "nginx:1.27" }]);
    pod(c, "hello", [{ name: "bb", image: "busybox", command: ["sh", "-c", "echo hello; sleep 3600"] }]);
    c.advance(60_000);
    const web = logs(c, "web");
    expect(web.code).toBe(0);
    expect(web.stdout).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(web.stdout).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: nginx\/1\.27/);
    expect(logs(c, "hello").stdout).toBe("hello\n");
    expect(logs(c, "pod/hello", "--timestamps").stdout).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z hello\n$/,
    );
  });

  it("repeats a loop's output and honours --tail and --since", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    const script = "while true; do echo tick; sleep 5; done";
    pod(c, "loop", [{ name: "bb", image: "busybox", command: ["sh", "-c", script] }]);
    c.advance(120_000);
    const all = logs(c, "loop").stdout.split("\n").filter(Boolean);
    expect(all.length).toBeGreaterThan(15);
    expect(all.every((l) => l === "tick")).toBe(true);
    expect(logs(c, "loop", "--tail=3").stdout).toBe("tick\ntick\ntick\n");
    expect(logs(c, "loop", "--since=11s").stdout.split("\n").filter(Boolean).length).toBeLessThanOrEqual(3);
  });

  it("follows for a while with -f, printing what appears", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    const script = "while true; do echo tick; sleep 10; done";
    pod(c, "loop", [{ name: "bb", image: "busybox", command: ["sh", "-c", script] }]);
    c.advance(60_000);
    const before = logs(c, "loop").stdout.split("\n").filter(Boolean).length;
    const start = c.now;
    const followed = logs(c, "loop", "-f").stdout.split("\n").filter(Boolean).length;
    expect(c.now - start).toBe(30_000);
    expect(followed).toBe(before + 3);
  });

  it("reports containers that have not started as the kubelet does", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    pod(c, "web", [{ name: "nginx", image: "nginx:1.27" }]);
    const status = () => c.store.get("pods", "default", "web")?.status?.containerStatuses?.[0];
    for (let i = 0; i < 100 && !status(); i++) c.advance(50);
    expect(status()?.state?.waiting?.reason).toBe("ContainerCreating");
    const creating = logs(c, "web");
    expect(creating).toMatchObject({
      code: 1,
      stderr:
        'Error from server (BadRequest): container "nginx" in pod "web" is waiting to start: ContainerCreating\n',
    });
    pod(c, "bad", [{ name: "nginx", image: "nginx:9.99.99" }]);
    c.advance(120_000);
    expect(logs(c, "bad").stderr).toMatch(
      /^Error from server \(BadRequest\): container "nginx" in pod "bad" is waiting to start: (trying and failing to pull image|image can't be pulled)\n$/,
    );
    expect(logs(c, "web", "--previous").stderr).toBe(
      'Error from server (BadRequest): previous terminated container "nginx" in pod "web" not found\n',
    );
  });

  it("shows the previous run of a crashing container", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    pod(c, "crash", [{ name: "bb", image: "busybox", command: ["sh", "-c", "echo boom; exit 1"] }]);
    c.advance(120_000);
    expect(logs(c, "crash").stdout).toBe("boom\n");
    expect(logs(c, "crash", "-p").stdout).toBe("boom\n");
  });

  it("picks a default container and a pod of a workload, with kubectl's notes", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    const two = [
      { name: "app", image: "busybox", command: ["sh", "-c", "echo from app; sleep 3600"] },
      { name: "side", image: "busybox", command: ["sh", "-c", "echo from side; sleep 3600"] },
    ];
    pod(c, "duo", two, { app: "duo" });
    pod(c, "duo2", two, { app: "duo" });
    c.advance(60_000);
    expect(logs(c, "duo")).toMatchObject({
      stdout: "from app\n",
      stderr: 'Defaulted container "app" out of: app, side\n',
    });
    expect(logs(c, "duo", "-c", "side").stdout).toBe("from side\n");
    expect(logs(c, "duo", "side").stdout).toBe("from side\n");
    expect(logs(c, "duo", "-c", "nope").stderr).toBe("error: container nope is not valid for pod duo\n");
    const all = logs(c, "-l", "app=duo", "--all-containers", "--prefix");
    expect(all.stdout).toBe(
      "[pod/duo/app] from app\n[pod/duo/side] from side\n[pod/duo2/app] from app\n[pod/duo2/side] from side\n",
    );
    expect(logs(c, "-l", "app=none").stderr).toBe("No resources found in default namespace.\n");
  });

  it("reads one pod of a Deployment, saying which", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    const info = findResource("deployments");
    if (!info) throw new Error("registry");
    const containers = [{ name: "app", image: "busybox", command: ["sh", "-c", "echo ready; sleep 3600"] }];
    const spec = {
      replicas: 2,
      selector: { matchLabels: { app: "shop" } },
      template: { metadata: { labels: { app: "shop" } }, spec: { containers } },
    };
    createFromManifest(
      c,
      info,
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "shop" }, spec },
      "default",
    );
    c.advance(60_000);
    const r = logs(c, "deploy/shop");
    expect(r.stdout).toBe("ready\n");
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/shop-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(logs(c, "deployment/shop", "--all-pods").stdout).toMatch(
      /^\[pod\/shop-\S+\/app\] ready\n\[pod\/shop-\S+\/app\] ready\n$/,
    );
    expect(logs(c, "svc/kubernetes").stderr).toBe(
      "error: invalid service 'kubernetes': Service is defined without a selector\n",
    );
    expect(logs(c, "cm/kube-root-ca.crt").stderr).toBe(
      "error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n",
    );
  });

  it("words kubectl's own errors", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    expect(logs(c, "nope").stderr).toBe(
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    );
    expect(logs(c, "deploy/nope").stderr).toBe(
      'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n',
    );
    expect(logs(c).stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it("formats timestamps as RFC 3339 with nanoseconds", () => {
    expect(logTimestamp({ t: Date.UTC(2025, 0, 6, 9, 0, 5, 120), text: "x" })).toMatch(
      /^2025-01-06T09:00:05\.12\d*Z$/,
    );
  });
});
