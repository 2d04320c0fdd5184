// Tests for one object store per AKS cluster: context switching and compact save/restore.

import { describe, expect, it } from "vitest";
import { Sim } from "../sim.ts";

const run = (sim: Sim, lines: string[]) => lines.map((l) => sim.exec(l).output).join("");

function twoClusters(): Sim {
  const sim = Sim.create({ seed: 7 });
  run(sim, [
    "az login -o none",
    "az group create -n demo-rg -l westeurope -o none",
    "az aks create -g demo-rg -n demo -c 2 -s Standard_D4s_v3 -o none",
    "az aks get-credentials -g demo-rg -n demo",
    "kubectl create deployment web --image=nginx:1.27 --replicas=2",
  ]);
  return sim;
}

describe("AKS clusters and kubeconfig contexts", () => {
  it("shows the nodes of the cluster the current context names", () => {
    const sim = twoClusters();
    const demo = sim.exec("kubectl get nodes -L node.kubernetes.io/instance-type").output;
    expect(demo).toMatch(/aks-nodepool1-\d{8}-vmss000001 .*Standard_D4s_v3/);
    expect(demo).not.toContain("Standard_B2s");
    sim.exec("kubectl config use-context bosun-aks");
    const boot = sim.exec("kubectl get nodes -L node.kubernetes.io/instance-type").output;
    expect(boot.match(/Standard_B2s/g)).toHaveLength(3);
    expect(sim.exec("kubectl get deployments").output).toBe("No resources found in default namespace.\n");
    sim.exec("kubectl config use-context demo");
    expect(sim.exec("kubectl get deployments").output).toMatch(/^web /m);
  });

  it("keeps a fresh session as small as before any az command", () => {
    const sim = Sim.create({ seed: 7 });
    const before = JSON.stringify(sim.save()).length;
    sim.exec("az login");
    expect(JSON.stringify(sim.save()).length).toBeLessThan(before + 600);
    expect(before).toBeLessThan(1000);
  });

  it("restores a saved multi-cluster session to the same output", () => {
    const sim = twoClusters();
    const stored = JSON.parse(JSON.stringify(sim.save()));
    // Nodes the az front end made are rebuilt from the subscription, not stored.
    expect(JSON.stringify(stored)).not.toContain('"kind":"Node"');
    const copy = Sim.restore(stored);
    const probe = [
      "kubectl get nodes -o wide",
      "kubectl get pods -o wide",
      "kubectl config get-contexts",
      "az aks list -o table",
      "kubectl config use-context bosun-aks",
      "kubectl get nodes",
    ];
    expect(run(copy, probe)).toBe(run(sim, probe));
  });
});
