// The deployment controller end to end: revision history limits, proportional scaling mid-rollout, deadlines.

import { describe, expect, it } from "vitest";
import { Sim } from "../sim.ts";

const manifest = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
${extra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
`;

function replicaSets(sim: Sim): string[] {
  return sim
    .exec("kubectl get rs --no-headers")
    .stdout.trim()
    .split("\n")
    .map((l) => l.split(/\s+/).slice(0, 2).join(" "));
}

describe("deployment controller", () => {
  it("keeps at most revisionHistoryLimit old ReplicaSets", () => {
    const sim = Sim.create({ seed: 3, profile: "fast" });
    sim.exec("kubectl apply -f -", manifest("  revisionHistoryLimit: 1\n"));
    for (const tag of ["1.25", "1.26", "1.27"]) {
      sim.exec(`kubectl set image deployment/web nginx=nginx:${tag}`);
      expect(sim.exec("kubectl rollout status deployment/web").stdout).toContain("successfully rolled out");
    }
    expect(replicaSets(sim)).toHaveLength(2);
    expect(sim.exec("kubectl rollout history deployment/web").stdout).toContain(
      "3         <none>\n4         <none>",
    );
  });

  it("spreads a resize over old and new ReplicaSets during a rollout", () => {
    const sim = Sim.create({ seed: 3, profile: "fast" });
    sim.exec("kubectl apply -f -", manifest("  progressDeadlineSeconds: 30\n"));
    sim.exec("kubectl rollout status deployment/web");
    sim.exec("kubectl set image deployment/web nginx=nginx:9.9.9");
    // Stuck at 3 old (maxUnavailable 1 let one go) + 2 new that never start: 5 = 4 + maxSurge 1.
    const before = replicaSets(sim).sort();
    expect(before.map((l) => Number(l.split(" ")[1])).reduce((a, b) => a + b)).toBe(5);
    sim.exec("kubectl scale deployment/web --replicas=8");
    const after = replicaSets(sim).map((l) => Number(l.split(" ")[1]));
    // 8 + maxSurge 2 = 10 pods, shared in proportion: old 3 → 6, new 2 → 4.
    expect(after.reduce((a, b) => a + b)).toBe(10);
    expect(sim.exec("kubectl rollout status deployment/web").stderr).toBe(
      'error: deployment "web" exceeded its progress deadline\n',
    );
  });
});
