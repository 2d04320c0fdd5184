// Behaviour of the state diff over a real simulated cluster: what a learner's commands show.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff.ts";
import { formatDiff } from "./format.ts";
import { snapshot } from "./snapshot.ts";

/** Runs the lines (commands or sleeps) between one snapshot and the next; returns the formatted diff. */
function diffOf(sim: Sim, ...lines: string[]): string[] {
  const before = snapshot(sim);
  for (const l of lines) sim.exec(l);
  return formatDiff(diffSnapshots(before, snapshot(sim)), { max: 50 });
}

function withDeployment(replicas: number): Sim {
  const sim = Sim.create({ seed: 7 });
  sim.exec(`kubectl create deployment web --image=nginx:1.25 --replicas=${replicas}`);
  sim.exec("sleep 1m");
  return sim;
}

describe("diffSnapshots", () => {
  it("shows a new Deployment and its ReplicaSet's pods in two lines", () => {
    const sim = Sim.create({ seed: 7 });
    const lines = diffOf(sim, "kubectl create deployment web --image=nginx:1.25 --replicas=3");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("+ deployment/web (3 replicas, nginx:1.25)");
    expect(lines[1]).toMatch(/^\+ replicaset\/web-[a-z0-9]+ \(3 replicas; 3 pods Pending\)$/);
  });

  it("shows what elapsed virtual time changed: pods starting and becoming ready", () => {
    const sim = Sim.create({ seed: 7 });
    sim.exec("kubectl create deployment web --image=nginx:1.25 --replicas=3");
    const lines = diffOf(sim, "sleep 1m");
    expect(lines[0]).toBe("~ deployment/web: ready 0 → 3");
    expect(lines[1]).toMatch(/^~ replicaset\/web-\w+: ready 0 → 3; 3 pods Pending → Running$/);
  });

  it("shows scaling as the new replica count and the pods created", () => {
    const sim = withDeployment(3);
    const lines = diffOf(sim, "kubectl scale deployment web --replicas=5");
    expect(lines[0]).toBe("~ deployment/web: replicas 3 → 5");
    expect(lines[1]).toMatch(/desired 3 → 5; 2 pods created \(Pending\)$/);
    const down = diffOf(sim, "sleep 1m", "kubectl scale deployment web --replicas=1", "sleep 1m");
    expect(down.join("\n")).toMatch(/replicas 5 → 1/);
    expect(down.join("\n")).toMatch(/4 pods deleted/);
  });

  it("groups a 10-replica rollout into one line per ReplicaSet", () => {
    const sim = withDeployment(10);
    const lines = diffOf(sim, "kubectl set image deployment/web nginx=nginx:1.26", "sleep 3m");
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toMatch(/^~ deployment\/web: .*image nginx:1\.25 → nginx:1\.26, revision 1 → 2$/);
    const rs = lines.filter((l) => l.includes("replicaset/web-"));
    expect(rs).toHaveLength(2);
    expect(rs.some((l) => /^\+ replicaset\/web-\w+ \(10 replicas; 10 pods Running\)$/.test(l))).toBe(true);
    expect(
      rs.some((l) => /^~ replicaset\/web-\w+: desired 10 → 0, ready 10 → 0; 10 pods deleted$/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith("+ pod/") || l.startsWith("- pod/"))).toBe(false);
  });

  it("shows self-healing as deleted pods and their replacements on the ReplicaSet's line", () => {
    const sim = withDeployment(3);
    const lines = diffOf(sim, "kubectl delete pod -l app=web --wait=false");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/3 pods created \(Pending\), 3 pods Running → Terminating$/);
  });

  it("shows one pod of an unchanged owner on its own line", () => {
    const sim = Sim.create({ seed: 7 });
    sim.exec('kubectl create deployment crash --image=busybox:1.36 -- sh -c "exit 1"');
    sim.exec("sleep 3m");
    const lines = diffOf(sim, "sleep 2m");
    expect(lines).toEqual([expect.stringMatching(/^~ pod\/crash-\w+-\w+: restarts \d+ → \d+$/)]);
  });

  it("folds a deleted namespace's contents into its line", () => {
    const sim = Sim.create({ seed: 7 });
    sim.exec("kubectl create namespace team");
    sim.exec("kubectl create deployment api --image=nginx:1.25 --replicas=4 -n team");
    sim.exec("kubectl create configmap cfg --from-literal=a=b -n team");
    sim.exec("sleep 1m");
    const lines = diffOf(sim, "kubectl delete namespace team", "sleep 1m");
    expect(lines).toEqual(["- namespace/team (with 1 deployment, 1 replicaset, 4 pods, 1 configmap)"]);
  });

  it("does not show a new namespace's kube-root-ca.crt ConfigMap", () => {
    const sim = Sim.create({ seed: 7 });
    expect(diffOf(sim, "kubectl create namespace team")).toEqual(["+ namespace/team"]);
  });

  it("counts changes in kube-system instead of listing them", () => {
    const sim = Sim.create({ seed: 7 });
    const lines = diffOf(sim, "kubectl run probe --image=nginx:1.25 -n kube-system");
    expect(lines).toEqual(["~ namespace/kube-system: 1 object changed"]);
  });

  it("names a deleted Deployment's ReplicaSet and pods on its line, then the pods once they are gone", () => {
    const sim = withDeployment(3);
    const lines = diffOf(sim, "kubectl delete deployment web");
    expect(lines).toEqual([
      expect.stringMatching(/^- deployment\/web \(with replicaset web-\w+; 3 pods Running → Terminating\)$/),
    ]);
    expect(diffOf(sim, "sleep 1m")).toEqual([expect.stringMatching(/^- 3 pods of replicaset\/web-\w+$/)]);
  });

  it("shows a Service getting its external IP and endpoints", () => {
    const sim = withDeployment(2);
    expect(diffOf(sim, "kubectl expose deployment web --port=80 --type=LoadBalancer")).toEqual([
      expect.stringMatching(/^\+ service\/web \(LoadBalancer, 80:\d+\/TCP, external IP <pending>\)$/),
    ]);
    expect(diffOf(sim, "sleep 2m")).toEqual([
      expect.stringMatching(/^~ service\/web: external IP <pending> → \d+\.\d+\.\d+\.\d+$/),
    ]);
  });

  it("never lets a Secret's value into a snapshot or a diff", () => {
    const sim = Sim.create({ seed: 7 });
    const value = "hunter2-Sup3rS3cret";
    const encoded = Buffer.from(value).toString("base64");
    const before = snapshot(sim);
    sim.exec(`kubectl create secret generic db --from-literal=password=${value}`);
    const created = snapshot(sim);
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: other-${value}\n`;
    sim.exec("kubectl apply -f -", yaml);
    const changed = snapshot(sim);
    const lines = [
      ...formatDiff(diffSnapshots(before, created)),
      ...formatDiff(diffSnapshots(created, changed)),
    ];
    expect(lines).toEqual(["+ secret/db (Opaque, keys: password)", "~ secret/db: updated"]);
    for (const text of [JSON.stringify([created, changed]), lines.join("\n")]) {
      expect(text).not.toContain(value);
      expect(text).not.toContain(encoded);
    }
  });

  it("names the ConfigMap keys that were added or changed", () => {
    const sim = Sim.create({ seed: 7 });
    sim.exec("kubectl create configmap cfg --from-literal=LOG=info");
    const yaml =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  LOG: debug\n  PORT: '80'\n";
    expect(diffOf(sim)).toEqual([]);
    const before = snapshot(sim);
    sim.exec("kubectl apply -f -", yaml);
    expect(formatDiff(diffSnapshots(before, snapshot(sim)))).toEqual([
      "~ configmap/cfg: LOG changed, key PORT added",
    ]);
  });

  it("shows cordoning a node by its STATUS", () => {
    const sim = Sim.create({ seed: 7 });
    const node = sim.list("nodes")[0]?.metadata.name ?? "";
    expect(diffOf(sim, `kubectl cordon ${node}`)).toEqual([
      `~ node/${node}: Ready → Ready,SchedulingDisabled`,
    ]);
  });

  it("gives the same lines for the same seed and commands", () => {
    const script = [
      "kubectl create deployment web --image=nginx:1.25 --replicas=4",
      "sleep 20s",
      "kubectl set image deployment/web nginx=nginx:1.26",
      "sleep 10s",
    ];
    const once = () => diffOf(Sim.create({ seed: 3 }), ...script);
    expect(once()).toEqual(once());
  });

  it("finds nothing when nothing changed", () => {
    const sim = withDeployment(2);
    expect(diffSnapshots(snapshot(sim), snapshot(sim))).toEqual([]);
  });
});
