// Kubernetes' tables for rollout progress (deployment_util_test.go: DeploymentComplete, Progressing, TimedOut).

import { describe, expect, it } from "vitest";
import {
  type DeploymentCondition,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  setCondition,
} from "./deployment-conditions.ts";

describe("DeploymentComplete (TestDeploymentComplete)", () => {
  // desired, current, updated, available (maxUnavailable and maxSurge do not enter the check)
  const cases: [string, number, number, number, number, boolean][] = [
    ["not complete: min but not all pods become available", 5, 5, 5, 4, false],
    ["not complete: min availability is not honored", 5, 5, 5, 3, false],
    ["complete", 5, 5, 5, 5, true],
    ["not complete: all pods are available but not updated", 5, 5, 4, 5, false],
    ["not complete: still running old pods", 1, 2, 1, 1, false],
    ["not complete: one replica deployment never comes up", 1, 1, 1, 0, false],
  ];
  it.each(cases)("%s", (_name, desired, current, updated, available, expected) => {
    const status = {
      replicas: current,
      updatedReplicas: updated,
      availableReplicas: available,
      observedGeneration: 0,
    };
    expect(deploymentComplete(desired, 0, status)).toBe(expected);
  });
});

describe("DeploymentProgressing (TestDeploymentProgressing)", () => {
  type Counts = [number, number, number, number]; // current, updated, ready, available
  const s = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: Counts) => ({
    replicas,
    updatedReplicas,
    readyReplicas,
    availableReplicas,
  });
  const cases: [string, Counts, Counts, boolean][] = [
    ["progressing: updated pods", [10, 4, 4, 4], [10, 6, 4, 4], true],
    ["not progressing", [10, 4, 4, 4], [10, 4, 4, 4], false],
    ["progressing: old pods removed", [10, 4, 6, 6], [8, 4, 6, 6], true],
    ["not progressing: less new pods", [10, 7, 3, 3], [10, 6, 3, 3], false],
    ["progressing: less overall but more new pods", [10, 4, 7, 7], [8, 8, 5, 5], true],
    ["progressing: more ready pods", [10, 10, 9, 8], [10, 10, 10, 8], true],
    ["progressing: more available pods", [10, 10, 10, 9], [10, 10, 10, 10], true],
  ];
  it.each(cases)("%s", (_name, old, now, expected) =>
    expect(deploymentProgressing(s(old), s(now))).toBe(expected),
  );
});

describe("DeploymentTimedOut (TestDeploymentTimedOut)", () => {
  const at = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec);
  const iso = (t: number) => new Date(t).toISOString();
  const cases: [string, number | undefined, string, number, number, boolean][] = [
    ["nil progressDeadlineSeconds specified - no timeout", undefined, "", at(1, 9), at(1, 20), false],
    ["infinite progressDeadlineSeconds specified - no timeout", 2147483647, "", at(1, 9), at(1, 20), false],
    [
      "progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s",
      10,
      "",
      at(1, 9),
      at(1, 20),
      true,
    ],
    [
      "progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s",
      10,
      "",
      at(1, 11),
      at(1, 20),
      false,
    ],
    ["previous status was a complete deployment", undefined, "NewReplicaSetAvailable", 0, at(1, 20), false],
  ];
  it.each(cases)("%s", (_name, pds, reason, from, now, expected) => {
    expect(deploymentTimedOut(pds, { reason, lastUpdateTime: iso(from) }, now)).toBe(expected);
  });
});

describe("SetDeploymentCondition (TestSetCondition)", () => {
  const cond = (type: string, status: string, reason: string): DeploymentCondition => ({
    type,
    status,
    reason,
    message: "",
    lastUpdateTime: "t0",
    lastTransitionTime: "t0",
  });
  it("sets a condition for the first time", () => {
    const s: { conditions?: DeploymentCondition[] } = {};
    setCondition(s, "Available", "True", "AwesomeController", "", "t0");
    expect(s.conditions).toEqual([cond("Available", "True", "AwesomeController")]);
  });
  it("appends after the existing ones (simple set)", () => {
    const s = { conditions: [cond("Progressing", "False", "ForSomeReason")] };
    setCondition(s, "Available", "True", "AwesomeController", "", "t0");
    expect(s.conditions.map((c) => c.type)).toEqual(["Progressing", "Available"]);
  });
  it("overwrites a condition of the same type", () => {
    const s = { conditions: [cond("Progressing", "False", "ForSomeReason")] };
    setCondition(s, "Progressing", "True", "BecauseItIs", "", "t1");
    expect(s.conditions).toEqual([
      { ...cond("Progressing", "True", "BecauseItIs"), lastUpdateTime: "t1", lastTransitionTime: "t1" },
    ]);
  });
  it("keeps lastTransitionTime when only the reason changes", () => {
    const s = { conditions: [cond("Progressing", "True", "NewReplicaSetCreated")] };
    setCondition(s, "Progressing", "True", "ReplicaSetUpdated", "", "t1");
    expect(s.conditions[0]?.lastTransitionTime).toBe("t0");
  });
});
