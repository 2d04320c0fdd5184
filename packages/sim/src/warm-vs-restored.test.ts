// A Sim kept open behaves exactly like one saved and restored before every command (public API only).

import { describe, expect, it } from "vitest";
import { Sim } from "./index.ts";

/** One line of a scenario: a command, optionally with the text `-f -` reads. */
type Line = string | { line: string; stdin: string };

/**
 * Runs `lines` on a Sim kept open and on one restored from its own saved state before every line,
 * and checks that each line prints the same and leaves the same saved state. Returns the open Sim.
 */
function warmMatchesRestored(lines: readonly Line[], seed = 1): Sim {
  const warm = Sim.create({ seed, profile: "fast" });
  let stored = JSON.stringify(warm.save());
  for (const [i, item] of lines.entries()) {
    const { line, stdin } = typeof item === "string" ? { line: item, stdin: undefined } : item;
    const cold = Sim.restore(JSON.parse(stored));
    const got = warm.exec(line, stdin);
    const want = cold.exec(line, stdin);
    expect(got.output, `output of line ${i}: ${line}`).toBe(want.output);
    const saved = JSON.stringify(warm.save());
    stored = JSON.stringify(cold.save());
    expect(firstDifference(saved, stored), `state after line ${i}: ${line}`).toBeUndefined();
  }
  return warm;
}

/** Where two texts first differ, with some context, or undefined when they are equal. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `at ${i}:\n  kept open: …${a.slice(from, i + 120)}…\n  restored:  …${b.slice(from, i + 120)}…`;
}

const quota = (pods: number) => ({
  line: "kubectl apply -f -",
  stdin: `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: "${pods}"\n`,
});

function podCount(sim: Sim, prefix: string): number {
  return sim.list("pods", "default").filter((p) => p.metadata.name.startsWith(prefix)).length;
}

describe("a Sim kept open vs one restored before every command", () => {
  it("retries pods a ResourceQuota refused once the quota is raised, and only then", () => {
    const sim = warmMatchesRestored([
      quota(2),
      "kubectl create deployment web --image=nginx:1.25 --replicas=4",
      "sleep 10s",
      "kubectl create configmap unrelated --from-literal=a=b",
      "kubectl get pods",
      "sleep 5s",
      "kubectl describe rs",
      quota(3),
      "kubectl get pods",
      "sleep 10s",
      "kubectl delete quota q",
      "sleep 10s",
      "kubectl get pods",
    ]);
    expect(podCount(sim, "web-")).toBe(4);
  });

  it("creates refused pods once other pods in the namespace go away", () => {
    const sim = warmMatchesRestored([
      quota(3),
      "kubectl create deployment a --image=nginx:1.25 --replicas=2",
      "kubectl create deployment b --image=nginx:1.25 --replicas=2",
      "sleep 10s",
      "kubectl create job j --image=busybox -- sleep 5",
      "sleep 5s",
      "kubectl scale deployment a --replicas=0",
      "sleep 40s",
      "kubectl get pods",
      "kubectl get jobs",
    ]);
    expect(podCount(sim, "b-")).toBe(2);
    expect(podCount(sim, "j-")).toBe(1);
  });

  it("applies a LimitRange's maximum to pods created after it changes", () => {
    const limits = (max: string) => ({
      line: "kubectl apply -f -",
      stdin: `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\nspec:\n  limits:\n  - type: Container\n    max:\n      cpu: ${max}\n`,
    });
    const sim = warmMatchesRestored([
      limits("100m"),
      "kubectl create deployment web --image=nginx:1.25 --replicas=2",
      "kubectl set resources deployment web --requests=cpu=200m --limits=cpu=200m",
      "sleep 10s",
      "kubectl create configmap unrelated --from-literal=a=b",
      limits("1"),
      "sleep 10s",
      "kubectl get pods",
    ]);
    expect(podCount(sim, "web-")).toBe(2);
  });

  it("starts a container once the ConfigMap it was missing is created", () => {
    warmMatchesRestored([
      {
        line: "kubectl apply -f -",
        stdin:
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    envFrom:\n    - configMapRef:\n        name: settings\n",
      },
      "sleep 20s",
      "kubectl get pods",
      "kubectl create configmap settings --from-literal=a=b",
      "sleep 20s",
      "kubectl get pods",
    ]);
  });

  it("schedules pods on a node once it is uncordoned", () => {
    const sim = warmMatchesRestored([
      "kubectl cordon aks-nodepool1-00000000-vmss000000",
      "kubectl get nodes -o name",
    ]);
    const nodes = sim.list("nodes").map((n) => n.metadata.name);
    warmMatchesRestored([
      ...nodes.map((n) => `kubectl cordon ${n}`),
      "kubectl create deployment web --image=nginx:1.25 --replicas=2",
      "sleep 10s",
      "kubectl get pods",
      `kubectl uncordon ${nodes[0]}`,
      "sleep 10s",
      "kubectl get pods",
    ]);
  });
});
