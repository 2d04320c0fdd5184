// The check language: leaf wording, all/any/not, and the command matcher, against a real simulator.

import { Sim } from "@bosun/sim";
import { beforeAll, describe, expect, it } from "vitest";
import { commandContext, tokenize } from "./command.ts";
import { evaluate } from "./evaluate.ts";
import { valuesAt } from "./match.ts";
import { checkSchema } from "./schema.ts";

describe("evaluate", () => {
  let sim: Sim;
  beforeAll(() => {
    sim = Sim.create({ seed: 1, profile: "fast" });
    sim.exec("kubectl create deployment web --image=nginx:1.25 --replicas=3");
    sim.exec("sleep 30s");
    sim.exec("kubectl scale deployment web --replicas=4");
  });

  it("says how many replicas are ready out of how many are wanted", () => {
    expect(evaluate({ deployment: { name: "web", readyReplicas: 4 } }, sim)).toEqual({
      pass: false,
      detail: "web has 3 of 4 ready replicas.",
    });
  });

  it("passes once the replicas are ready, and says so", () => {
    // Through JSON, as a session is stored: restoring the live save object would share state with `sim`.
    const later = Sim.restore(JSON.parse(JSON.stringify(sim.save())));
    later.exec("sleep 30s");
    expect(evaluate({ deployment: { name: "web", readyReplicas: 4 } }, later)).toEqual({
      pass: true,
      detail: "web has 4 of 4 ready replicas running nginx:1.25.",
    });
  });

  it("finds a Deployment by its pods' labels", () => {
    expect(evaluate({ deployment: { labels: { app: "web" }, image: "nginx:1.25" } }, sim).pass).toBe(true);
    expect(evaluate({ deployment: { labels: { app: "api" } } }, sim).detail).toBe(
      "There is no Deployment with pods labelled app=api in namespace default yet.",
    );
  });

  it("counts pods by selector and state", () => {
    expect(evaluate({ pods: { selector: { app: "web" }, phase: "Running", count: 3 } }, sim).pass).toBe(true);
    expect(evaluate({ pods: { selector: { app: "web" }, count: { min: 3, max: 4 } } }, sim).pass).toBe(true);
    expect(evaluate({ pods: { selector: { app: "web" }, owner: "none", count: { min: 1 } } }, sim).pass).toBe(
      false,
    );
  });

  it("reads fields with [*] and compares them", () => {
    const d = sim.get("deployments", "default", "web");
    expect(valuesAt(d, "spec.template.spec.containers[*].image")).toEqual(["nginx:1.25"]);
    expect(valuesAt(d, "spec.template.spec.containers[0].name")).toEqual(["nginx"]);
    const check = {
      deployment: {
        name: "web",
        fields: { "spec.template.spec.containers[*].livenessProbe": { exists: true } },
      },
    };
    expect(evaluate(check, sim).detail).toBe(
      "in Deployment web, spec.template.spec.containers[*].livenessProbe should be set (it is not set).",
    );
  });

  it("combines checks with all, any and not", () => {
    const yes = { exists: { kind: "Deployment", name: "web" } };
    const no = { exists: { kind: "Deployment", name: "nope" } };
    expect(evaluate({ all: [yes, no] }, sim)).toEqual({
      pass: false,
      detail: "There is no Deployment nope in namespace default yet.",
    });
    expect(evaluate({ any: [no, yes] }, sim).pass).toBe(true);
    expect(evaluate({ not: no }, sim).pass).toBe(true);
    expect(evaluate({ not: yes }, sim)).toEqual({
      pass: false,
      detail: "Not yet: Deployment web exists in namespace default.",
    });
  });

  it("matches the last command by verb, resource spelling and flag", () => {
    const get = { command: { verb: "get", resource: ["pods", "po"], flags: ["-A", "--all-namespaces"] } };
    expect(evaluate(get, sim, commandContext("kubectl get po -A", 0)).pass).toBe(true);
    expect(evaluate(get, sim, commandContext("k -n default get pods --all-namespaces", 0)).pass).toBe(true);
    expect(evaluate(get, sim, commandContext("kubectl get pods", 0)).pass).toBe(false);
    expect(evaluate(get, sim, {}).detail).toBe("Run `kubectl get pods` to finish this step.");
    const chain = { command: { verb: "get", resource: ["rs"] } };
    expect(evaluate(chain, sim, commandContext("kubectl get deploy,rs,pods -l app=web", 0)).pass).toBe(true);
    const az = { command: { program: "az" as const, verb: "aks get-credentials" } };
    expect(evaluate(az, sim, commandContext("az aks get-credentials -g bosun-rg -n bosun-aks", 0)).pass).toBe(
      true,
    );
  });

  it("checks the kubeconfig context and its namespace", () => {
    const s = Sim.create({ seed: 2, profile: "fast" });
    expect(evaluate({ context: { current: "bosun-aks", namespace: "default" } }, s).pass).toBe(true);
    s.exec("kubectl create namespace dev");
    s.exec("kubectl config set-context --current --namespace=dev");
    expect(evaluate({ context: { namespace: "default" } }, s).detail).toBe(
      "The current context uses namespace dev, not default.",
    );
  });
});

describe("checkSchema", () => {
  it("accepts exactly one key per check", () => {
    expect(checkSchema.safeParse({ deployment: { name: "web" } }).success).toBe(true);
    const two = checkSchema.safeParse({ deployment: { name: "web" }, pods: {} });
    expect(two.success).toBe(false);
    expect(checkSchema.safeParse({}).success).toBe(false);
  });
});

describe("tokenize", () => {
  it("splits like a shell for quotes and escapes", () => {
    expect(tokenize(`kubectl run crashy --image=busybox -- sh -c "exit 1"`)).toEqual([
      "kubectl",
      "run",
      "crashy",
      "--image=busybox",
      "--",
      "sh",
      "-c",
      "exit 1",
    ]);
    expect(tokenize(`echo 'a b' c\\ d ""`)).toEqual(["echo", "a b", "c d", ""]);
  });
});
