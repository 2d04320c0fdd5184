// Error families: recognised from real simulator output and from the state of the cluster.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { clusterErrorFamilies, errorFamilyOfOutput } from "./error-family.ts";

describe("errorFamilyOfOutput", () => {
  const sim = Sim.create({ seed: 1, profile: "fast" });
  const family = (line: string, stdin?: string) => {
    const r = stdin === undefined ? sim.exec(line) : sim.exec(line, stdin);
    return errorFamilyOfOutput(r.output, r.exitCode);
  };

  it("recognises kubectl's errors", () => {
    expect(family("kubectl get deployment nope")).toBe("NotFound");
    expect(family("kubectl create namespace dup")).toBeUndefined();
    expect(family("kubectl create namespace dup")).toBe("AlreadyExists");
    expect(family("kubectl get pods --bogus")).toBe("unknown-flag");
    expect(family("kubectl gt pods")).toBe("unknown-command");
    expect(family("kubeclt get pods")).toBe("unknown-command");
  });

  it("tells a selector mismatch from other invalid objects", () => {
    const manifest = (labels: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  selector:\n    matchLabels:\n      app: bad\n  template:\n    metadata:\n      labels:\n        app: ${labels}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.25\n`;
    expect(family("kubectl apply -f -", manifest("other"))).toBe("selector-mismatch");
    expect(family("kubectl apply -f -", manifest("bad").replace("name: c\n", "name: Bad_Name\n"))).toBe(
      "Invalid",
    );
  });
});

describe("clusterErrorFamilies", () => {
  it("finds pull failures, crash loops and unschedulable pods", () => {
    const sim = Sim.create({ seed: 1, profile: "fast" });
    expect(clusterErrorFamilies(sim, "default")).toEqual([]);
    sim.exec("kubectl run ghost --image=nginx:9.99");
    sim.exec(`kubectl run crashy --image=busybox:1.36 -- sh -c "exit 1"`);
    sim.exec("kubectl create deployment hungry --image=nginx:1.25");
    sim.exec("kubectl set resources deployment hungry --requests=cpu=8");
    sim.exec("sleep 30s");
    expect(clusterErrorFamilies(sim, "default")).toEqual(["CrashLoopBackOff", "ImagePullBackOff", "Pending"]);
  });
});
