// Probe tests: liveness restarts, readiness and endpoints, exec probes over a script's timeline, startup probes.

import { describe, expect, it } from "vitest";
import { Cluster } from "../api/cluster.ts";
import type { KObject } from "../api/types.ts";
import { runKubectl } from "../kubectl/dispatch.ts";

const k = (c: Cluster, line: string, stdin?: string) => runKubectl(c, line.split(" "), stdin).output.text;

function pod(c: Cluster, name: string): KObject {
  const p = c.store.list("pods").find((x) => x.metadata.name.startsWith(name));
  if (!p) throw new Error(`no pod ${name}`);
  return p;
}

const restarts = (p: KObject) => p.status?.containerStatuses?.[0]?.restartCount as number;
const events = (c: Cluster, p: KObject, reason: string) =>
  c.state.events.filter((e) => e.involved.uid === p.metadata.uid && e.reason === reason);

function nginxWith(probe: string, field = "livenessProbe"): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ${field}:
${probe}`;
}

describe("liveness probes", () => {
  it("restart nginx after three 404s on a path it does not serve", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "apply -f -", nginxWith("      httpGet: {path: /healthz, port: 80}\n      periodSeconds: 10"));
    c.advance(25_000);
    expect(restarts(pod(c, "web"))).toBe(0);
    c.advance(10_000);
    const p = pod(c, "web");
    expect(restarts(p)).toBe(1);
    const unhealthy = events(c, p, "Unhealthy")[0];
    expect(unhealthy?.message).toBe("Liveness probe failed: HTTP probe failed with statuscode: 404");
    expect(unhealthy?.count).toBe(3);
    expect(events(c, p, "Killing")[0]?.message).toBe(
      "Container nginx failed liveness probe, will be restarted",
    );
    // nginx quits cleanly on its stop signal: the kubelet records a Completed run with exit code 0.
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({
      exitCode: 0,
      reason: "Completed",
    });
  });

  it("keep a healthy container running and stay quiet", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "apply -f -", nginxWith("      httpGet: {path: /, port: 80}"));
    c.advance(600_000);
    const p = pod(c, "web");
    expect(restarts(p)).toBe(0);
    expect(events(c, p, "Unhealthy")).toEqual([]);
  });

  it("fail k8s.gcr.io/liveness after its first 10 seconds with status 500", () => {
    const c = Cluster.create({ seed: 1 });
    k(
      c,
      "apply -f -",
      `apiVersion: v1
kind: Pod
metadata: {name: liveness-http}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/liveness
    args: [/server]
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      initialDelaySeconds: 3
      periodSeconds: 3`,
    );
    c.advance(30_000);
    const p = pod(c, "liveness-http");
    expect(events(c, p, "Unhealthy")[0]?.message).toBe(
      "Liveness probe failed: HTTP probe failed with statuscode: 500",
    );
    expect(restarts(p)).toBeGreaterThanOrEqual(1);
  });

  it("read the exec-liveness pod's /tmp/healthy until its script removes it", () => {
    const c = Cluster.create({ seed: 1 });
    k(
      c,
      "apply -f -",
      `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5`,
    );
    c.advance(30_000);
    expect(events(c, pod(c, "liveness-exec"), "Unhealthy")).toEqual([]);
    c.advance(20_000);
    const p = pod(c, "liveness-exec");
    expect(events(c, p, "Unhealthy")[0]?.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(events(c, p, "Killing")).toHaveLength(1);
    // A shell as PID 1 ignores SIGTERM: the kubelet waits the 30 s grace period, then SIGKILLs (137).
    c.advance(40_000);
    const after = pod(c, "liveness-exec");
    expect(restarts(after)).toBe(1);
    expect(after.status.containerStatuses[0].lastState.terminated).toMatchObject({
      exitCode: 137,
      reason: "Error",
    });
  });

  it("wait for a startup probe before probing liveness", () => {
    const c = Cluster.create({ seed: 1 });
    k(
      c,
      "apply -f -",
      nginxWith(
        "      httpGet: {path: /missing, port: 80}\n      failureThreshold: 2\n      periodSeconds: 10",
        "startupProbe",
      ),
    );
    c.advance(15_000);
    const p = pod(c, "web");
    expect(p.status.containerStatuses[0].started).toBe(false);
    expect(p.status.containerStatuses[0].ready).toBe(false);
    c.advance(20_000);
    expect(events(c, pod(c, "web"), "Killing")[0]?.message).toBe(
      "Container nginx failed startup probe, will be restarted",
    );
  });
});

describe("readiness probes", () => {
  it("keep a pod out of its Service's endpoints while they fail, with one Unhealthy event per probe", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "apply -f -", nginxWith("      tcpSocket: {port: 8080}\n      periodSeconds: 5", "readinessProbe"));
    k(c, "expose pod web --port=80");
    c.advance(60_000);
    const p = pod(c, "web");
    expect(p.status.conditions.find((x: { type: string }) => x.type === "Ready").status).toBe("False");
    const ep = c.store.get("endpoints", "default", "web");
    const subsets = (ep?.subsets ?? []) as { addresses?: unknown[] }[];
    expect(subsets[0]?.addresses).toBeUndefined();
    const e = events(c, p, "Unhealthy")[0];
    expect(e?.message).toBe(
      `Readiness probe failed: dial tcp ${p.status.podIP}:8080: connect: connection refused`,
    );
    // Ticks every 5 s from the pod's start; the container starts a few seconds in.
    expect(e?.count).toBeGreaterThanOrEqual(10);
    expect(restarts(p)).toBe(0);
  });

  it("count the same events whether time passes in one step or many (caught-up ticks)", () => {
    const run = (steps: number) => {
      const c = Cluster.create({ seed: 3 });
      k(
        c,
        "apply -f -",
        nginxWith("      httpGet: {path: /nope, port: 80}\n      periodSeconds: 7", "readinessProbe"),
      );
      for (let i = 0; i < steps; i++) c.advance(300_000 / steps);
      const e = events(c, pod(c, "web"), "Unhealthy")[0];
      return [e?.count, e?.first, e?.last];
    };
    expect(run(1)).toEqual(run(60));
  });
});
