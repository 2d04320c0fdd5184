// Property tests: random command sequences never throw, and the cluster's invariants always hold.

import { Sim } from "@bosun/sim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvariants } from "./invariants.ts";

const names = fc.constantFrom("web", "api", "db");
const images = fc.constantFrom(
  "nginx:1.25",
  "nginx",
  "httpd:2.4",
  "redis:7",
  "busybox",
  "nginx:9.99",
  "doesnotexist/app:1",
);

const command = fc.oneof(
  fc
    .tuple(names, images, fc.integer({ min: 0, max: 6 }))
    .map(([n, i, r]) => `kubectl create deployment ${n} --image=${i} --replicas=${r}`),
  fc
    .tuple(names, fc.integer({ min: 0, max: 8 }))
    .map(([n, r]) => `kubectl scale deployment ${n} --replicas=${r}`),
  names.map((n) => `kubectl delete deployment ${n}`),
  names.map((n) => `kubectl expose deployment ${n} --port=80`),
  names.map((n) => `kubectl delete service ${n}`),
  fc.integer({ min: 0, max: 5 }).map((i) => `#delete-pod ${i}`),
  fc.constantFrom("sleep 1s", "sleep 5s", "sleep 30s", "sleep 2m"),
  fc.constantFrom(
    "kubectl get pods",
    "kubectl get all",
    "kubectl describe deploy",
    "kubectl get endpoints",
    "kubectl get events",
  ),
  names.map((n) => `kubectl create configmap ${n}-cfg --from-literal=a=b`),
  fc.tuple(names, fc.constantFrom("tier=x", "app-", "app=other")).map(([n, l]) => `#label-pod ${n} ${l}`),
  fc.constantFrom(
    "kubectl create namespace team",
    "kubectl delete namespace team",
    "kubectl create deployment web --image=nginx -n team",
  ),
);

function run(sim: Sim, line: string): void {
  if (line.startsWith("#delete-pod")) {
    const pods = sim.exec("kubectl get pods -o name").stdout.trim().split("\n").filter(Boolean);
    const i = Number(line.split(" ")[1]);
    const pod = pods[i % Math.max(1, pods.length)];
    if (pod) sim.exec(`kubectl delete ${pod} --wait=false`);
    return;
  }
  if (line.startsWith("#label-pod")) {
    const [, , label] = line.split(" ");
    const pod = sim.exec("kubectl get pods -o name").stdout.trim().split("\n").filter(Boolean)[0];
    if (pod) sim.exec(`kubectl label ${pod} ${label} --overwrite`);
    return;
  }
  sim.exec(line);
}

describe("random command sequences", () => {
  it("never throw and keep every invariant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(command, { minLength: 1, maxLength: 25 }),
        (seed, cmds) => {
          const sim = Sim.create({ seed, profile: "fast" });
          for (const c of cmds) {
            run(sim, c);
            const problems = checkInvariants(sim);
            expect(problems, `after ${c}`).toEqual([]);
          }
          // A saved and restored session carries on identically.
          const copy = Sim.restore(JSON.parse(JSON.stringify(sim.save())));
          expect(copy.exec("kubectl get all -A").output).toBe(sim.exec("kubectl get all -A").output);
        },
      ),
      { numRuns: 60 },
    );
  });
});
