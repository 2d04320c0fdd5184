// Restart tests: the kubelet's crash-loop back-off sequence, its waiting message, and OOM kills.

import { describe, expect, it } from "vitest";
import { Cluster } from "../api/cluster.ts";
import type { KObject } from "../api/types.ts";
import { runKubectl } from "../kubectl/dispatch.ts";

const k = (c: Cluster, line: string, stdin?: string) => runKubectl(c, line.split(" "), stdin).output.text;
const first = (c: Cluster): KObject => c.store.list("pods")[0] as KObject;

/** Start times of every run of the pod's first container, sampled every 100 ms. */
function starts(c: Cluster, untilMs: number): number[] {
  const seen: number[] = [];
  const t0 = c.now;
  while (c.now - t0 < untilMs) {
    c.advance(100);
    const rt = c.state.pods[first(c).metadata.uid]?.containers[0];
    if (rt?.startedAt !== undefined && seen[seen.length - 1] !== rt.startedAt) seen.push(rt.startedAt);
  }
  return seen;
}

describe("crash-loop back-off", () => {
  it("restarts at once after the first crash, then waits 10 s, 20 s, 40 s … measured from each exit", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "create deployment db --image=postgres:16");
    const runs = starts(c, 200_000);
    const rt = c.state.pods[first(c).metadata.uid]?.containers[0];
    expect(rt).toBeDefined();
    // postgres exits 1.5 s after each start; the gap between runs is exit + back-off (+ resync latency).
    const gaps = runs.slice(1).map((s, i) => s - (runs[i] ?? 0) - 1_500);
    expect(gaps[0]).toBeLessThan(3_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(20_000);
    expect(gaps[3]).toBeGreaterThanOrEqual(40_000);
    expect(gaps[3]).toBeLessThan(40_000 + 20_000);
  });

  it("shows CrashLoopBackOff with the kubelet's back-off message and keeps the last exit", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "create deployment db --image=postgres:16");
    c.advance(60_000);
    const st = first(c).status.containerStatuses[0];
    expect(st.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(st.state.waiting.message).toMatch(
      /^back-off (10|20|40)s restarting failed container=postgres pod=db-[a-z0-9]+-[a-z0-9]{5}_default\([0-9a-f-]{36}\)$/,
    );
    expect(st.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(k(c, "logs deploy/db --previous")).toContain("superuser password is not specified");
  });

  it("caps the back-off at 5m0s", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "create deployment db --image=postgres:16");
    c.advance(30 * 60_000);
    const st = first(c).status.containerStatuses[0];
    expect(st.state.waiting?.message ?? "back-off 5m0s").toMatch(/^back-off 5m0s /);
  });
});

describe("OOM kills", () => {
  it("kill the docs' memory-demo-2 (250M under a 100Mi limit) with exit code 137, reason OOMKilled", () => {
    const c = Cluster.create({ seed: 1 });
    k(
      c,
      "apply -f -",
      `apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources: {requests: {memory: 50Mi}, limits: {memory: 100Mi}}
    command: [stress]
    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]`,
    );
    c.advance(5_000);
    expect(k(c, "get pod memory-demo-2")).toMatch(/OOMKilled/);
    c.advance(30_000);
    const st = first(c).status.containerStatuses[0];
    expect(st.lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
  });

  it("leave a process within its limit alone (the docs' memory-demo: 150M under 200Mi)", () => {
    const c = Cluster.create({ seed: 1 });
    k(
      c,
      "apply -f -",
      `apiVersion: v1
kind: Pod
metadata: {name: memory-demo}
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources: {requests: {memory: 100Mi}, limits: {memory: 200Mi}}
    command: [stress]
    args: [--vm, "1", --vm-bytes, 150M, --vm-hang, "1"]`,
    );
    c.advance(60_000);
    expect(first(c).status.containerStatuses[0]).toMatchObject({ restartCount: 0, ready: true });
  });
});
