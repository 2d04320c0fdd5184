// Node lifecycle tests: an outage makes a node NotReady and tainted, its pods move, and it recovers.

import { describe, expect, it } from "vitest";
import { Cluster } from "../api/cluster.ts";
import type { KObject } from "../api/types.ts";
import { runKubectl } from "../kubectl/dispatch.ts";
import { failNode } from "./node-lifecycle.ts";

const k = (c: Cluster, line: string) => runKubectl(c, line.split(" ")).output.text;
const node = (c: Cluster, i: number): KObject => c.store.list("nodes")[i] as KObject;
const ready = (n: KObject) => n.status.conditions.find((x: { type: string }) => x.type === "Ready");

describe("node outages", () => {
  it("turn a silent node NotReady after the grace period, evict its pods after 300 s, and recover", () => {
    const c = Cluster.create({ seed: 1 });
    k(c, "create deployment web --image=nginx:1.27 --replicas=3");
    c.advance(30_000);
    const victim = node(c, 1).metadata.name;
    const onVictim = () => c.store.list("pods").filter((p) => p.spec.nodeName === victim);
    expect(onVictim()).toHaveLength(1);
    failNode(c, victim, 15 * 60_000);
    c.advance(45_000);
    expect(ready(node(c, 1)).status).toBe("True");
    c.advance(15_000);
    expect(ready(node(c, 1))).toMatchObject({
      status: "Unknown",
      reason: "NodeStatusUnknown",
      message: "Kubelet stopped posting node status.",
    });
    expect(
      node(c, 1).spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`),
    ).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
    expect(k(c, "get nodes")).toMatch(new RegExp(`${victim}\\s+NotReady`));
    const pod = onVictim()[0] as KObject;
    expect(pod.status.conditions.find((x: { type: string }) => x.type === "Ready").status).toBe("False");
    c.advance(290_000);
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    c.advance(20_000);
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    // The kubelet is down: the pod stays Terminating; its ReplicaSet has already replaced it elsewhere.
    const running = c.store.list("pods").filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(3);
    expect(running.every((p) => p.spec.nodeName !== victim)).toBe(true);
    c.advance(10 * 60_000);
    expect(ready(node(c, 1)).status).toBe("True");
    expect(node(c, 1).spec.taints).toBeUndefined();
    expect(onVictim()).toHaveLength(0);
  });

  it("fail nodes under the chaos profile at times and for durations drawn from the seed", () => {
    const outages = (seed: number) => {
      const c = Cluster.create({ seed, profile: "chaos" });
      const seen: string[] = [];
      for (let t = 0; t < 3 * 3600_000; t += 60_000) {
        c.advance(60_000);
        for (const n of c.store.list("nodes")) {
          if (ready(n).status !== "True")
            seen.push(`${Math.round((c.now - c.state.start) / 60_000)}m ${n.metadata.name}`);
        }
      }
      return seen;
    };
    const a = outages(7);
    expect(a.length).toBeGreaterThan(0);
    expect(outages(7)).toEqual(a);
  });
});
