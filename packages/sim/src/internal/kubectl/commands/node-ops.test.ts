// cordon, uncordon, drain and taint: kubectl's lines and refusals, and what the cluster does next.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { runKubectl } from "../dispatch.ts";

const k = (c: Cluster, line: string) => {
  const r = runKubectl(c, line.split(" "));
  return { text: r.output.text, code: r.exitCode };
};
const NODE = (c: Cluster, i: number) => c.store.list("nodes")[i]?.metadata.name ?? "";

describe("node maintenance commands", () => {
  it("cordon and uncordon a node, idempotently, and show SchedulingDisabled", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    const n = NODE(c, 0);
    expect(k(c, `cordon ${n}`).text).toBe(`node/${n} cordoned\n`);
    expect(k(c, `cordon ${n}`).text).toBe(`node/${n} already cordoned\n`);
    expect(k(c, "get nodes").text).toContain("Ready,SchedulingDisabled");
    expect(c.store.get("nodes", undefined, n)?.spec.taints).toEqual([
      expect.objectContaining({ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }),
    ]);
    expect(k(c, `uncordon ${n}`).text).toBe(`node/${n} uncordoned\n`);
    expect(k(c, "cordon nope").text).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  it("drains a node: bare pods need --force, evicted ReplicaSet pods come back on other nodes", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    k(c, "create deployment web --image=nginx:1.27 --replicas=3");
    c.advance(5_000);
    const n = c.store.list("pods")[0]?.spec.nodeName as string;
    k(c, `run debug --image=nginx:1.27 --overrides={"spec":{"nodeName":"${n}"}}`);
    c.advance(5_000);
    const refused = k(c, `drain ${n} --ignore-daemonsets`);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain(
      `error: unable to drain node "${n}" due to error: cannot delete Pods that declare no controller (use --force to override): default/debug, continuing command...\nThere are pending nodes to be drained:\n ${n}\n`,
    );
    const done = k(c, `drain ${n} --ignore-daemonsets --force`);
    expect(done.text).toMatch(
      new RegExp(
        `^node/${n} already cordoned\nWarning: deleting Pods that declare no controller: default/debug\n(evicting pod default/\\S+\n)+(pod/\\S+ evicted\n)+node/${n} drained\n$`,
      ),
    );
    c.advance(10_000);
    const pods = c.store.list("pods");
    expect(pods.filter((p) => p.metadata.name.startsWith("web-"))).toHaveLength(3);
    expect(pods.some((p) => p.spec.nodeName === n)).toBe(false);
  });

  it("taints and untaints with kubectl's words; NoExecute evicts pods that do not tolerate it", () => {
    const c = Cluster.create({ seed: 1, profile: "fast" });
    k(c, "create deployment web --image=nginx:1.27 --replicas=3");
    c.advance(5_000);
    const n = NODE(c, 2);
    expect(k(c, `taint nodes ${n} gpu=true:NoExecute`).text).toBe(`node/${n} tainted\n`);
    c.advance(5_000);
    expect(c.store.list("pods").some((p) => p.spec.nodeName === n)).toBe(false);
    expect(k(c, `taint nodes ${n} gpu=true:NoExecute`).text).toBe(
      `error: node ${n} already has gpu taint(s) with same effect(s) and --overwrite is false\n`,
    );
    expect(k(c, `taint nodes ${n} gpu:NoExecute-`).text).toBe(`node/${n} untainted\n`);
    expect(k(c, `taint nodes ${n} gpu-`).text).toBe('error: taint "gpu" not found\n');
    expect(k(c, `taint nodes ${n} a=b:Never`).text).toBe(
      "error: invalid taint effect: Never, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    );
  });
});
