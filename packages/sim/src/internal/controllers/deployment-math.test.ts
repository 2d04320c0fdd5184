// Kubernetes' own tables for the rollout arithmetic (pkg/controller/deployment/util/deployment_util_test.go).

import { describe, expect, it } from "vitest";
import {
  type IntOrPercent,
  MAX_REPLICAS,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  replicaCount,
  replicaSetFraction,
  resolveFenceposts,
  roundToInt,
  type StrategyView,
} from "./deployment-math.ts";

const rolling = (replicas: number, maxSurge: IntOrPercent, maxUnav: IntOrPercent): StrategyView => ({
  replicas,
  strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable: maxUnav } },
});

describe("ResolveFenceposts (TestResolveFenceposts)", () => {
  const cases: [IntOrPercent, IntOrPercent, number, number, number, boolean][] = [
    // maxSurge, maxUnavailable, desired, expectSurge, expectUnavailable, expectError
    ["0%", "0%", 0, 0, 1, false],
    ["39%", "39%", 10, 4, 3, false],
    ["oops", "39%", 10, 0, 0, true],
    ["55%", "urg", 10, 0, 0, true],
    [undefined, "39%", 10, 0, 3, false],
    ["39%", undefined, 10, 4, 0, false],
    [undefined, undefined, 10, 0, 1, false],
  ];
  it.each(cases)("surge %s, unavailable %s of %i → %i/%i", (s, u, desired, surge, unav, error) => {
    const r = resolveFenceposts(s, u, desired);
    expect([r.surge, r.unavailable]).toEqual([surge, unav]);
    expect(r.error === true).toBe(error);
  });
});

describe("NewRSNewReplicas (TestNewRSNewReplicas)", () => {
  // The other ReplicaSet (rs5) has 5 replicas; maxUnavailable is 1 throughout.
  const cases: [string, string, number, number, number, number][] = [
    ["can not scale up - to newRSReplicas", "RollingUpdate", 1, 5, 1, 5],
    ["scale up - to depReplicas", "RollingUpdate", 6, 2, 10, 6],
    ["recreate - to depReplicas", "Recreate", 3, 1, 1, 3],
  ];
  it.each(cases)("%s", (_name, type, depReplicas, newRSReplicas, surge, expected) => {
    const spec: StrategyView = {
      replicas: depReplicas,
      strategy: { type, rollingUpdate: { maxSurge: surge, maxUnavailable: 1 } },
    };
    expect(newRSNewReplicas(spec, 5, newRSReplicas)).toBe(expected);
  });
});

describe("MaxUnavailable (TestMaxUnavailable)", () => {
  const cases: [string, StrategyView, number][] = [
    ["maxUnavailable less than replicas", rolling(10, 1, 5), 5],
    ["maxUnavailable equal replicas", rolling(10, 1, 10), 10],
    ["maxUnavailable greater than replicas", rolling(5, 1, 10), 5],
    ["maxUnavailable with replicas is 0", rolling(0, 1, 10), 0],
    ["maxUnavailable with Recreate deployment strategy", { replicas: 0, strategy: { type: "Recreate" } }, 0],
    ["maxUnavailable less than replicas with percents", rolling(10, 1, "50%"), 5],
    ["maxUnavailable equal replicas with percents", rolling(10, 1, "100%"), 10],
    ["maxUnavailable greater than replicas with percents", rolling(5, 1, "100%"), 5],
  ];
  it.each(cases)("%s", (_name, spec, expected) => expect(maxUnavailable(spec)).toBe(expected));
});

describe("MinAvailable (TestMinAvailable)", () => {
  const cases: [string, StrategyView, number][] = [
    ["replicas greater than maxUnavailable", rolling(10, 1, 5), 5],
    ["replicas equal maxUnavailable", rolling(10, 1, 10), 0],
    ["replicas less than maxUnavailable", rolling(5, 1, 10), 0],
    ["replicas is 0", rolling(0, 1, 10), 0],
    ["minAvailable with Recreate deployment strategy", { replicas: 10, strategy: { type: "Recreate" } }, 0],
    ["replicas greater than maxUnavailable with percents", rolling(10, 1, "60%"), 4],
    ["replicas equal maxUnavailable with percents", rolling(10, 1, "100%"), 0],
    ["replicas less than maxUnavailable with percents", rolling(5, 1, "100%"), 0],
  ];
  it.each(cases)("%s", (_name, spec, expected) => expect(minAvailable(spec)).toBe(expected));
});

describe("GetReplicaCountForReplicaSets (TestGetReplicaCountForReplicaSets)", () => {
  // spec.replicas of rs1..rs4: 1, 2, 3, 1 (the status and terminating columns are not ported:
  // terminatingReplicas is a 1.33 alpha field that kubectl 1.32 clusters do not report).
  const rs1 = { replicas: 1 };
  const rs2 = { replicas: 2 };
  const rs3 = { replicas: 3 };
  const rs4 = { replicas: 1 };
  const cases: [string, { replicas: number }[], number][] = [
    ["scaling down rs1", [rs1], 1],
    ["scaling down rs1 and rs2", [rs1, rs2], 3],
    ["scaling up rs3", [rs3], 3],
    ["scaling down rs1 and rs2 and scaling up rs3", [rs1, rs2, rs3], 6],
    ["invalid/unknown terminating status for rs4", [rs4], 1],
    ["invalid/unknown terminating status for rs4 with rs1, rs2 and rs3", [rs1, rs2, rs3, rs4], 7],
  ];
  it.each(cases)("%s", (_name, sets, expected) => expect(replicaCount(sets)).toBe(expected));
});

describe("getReplicaSetFraction (TestGetReplicaSetFraction)", () => {
  // deploymentReplicas, statusReplicas, maxSurge, rsReplicas, max-replicas annotation, expected
  const cases: [string, number, number, number, number, string | undefined, number][] = [
    ["empty deployment always scales to 0", 0, 0, 0, 10, undefined, -10],
    ["unsynced deployment does not scale when max-replicas annotation is missing", 10, 0, 0, 5, undefined, 0],
    ["unsynced deployment does not scale when max-replicas annotation is 0", 10, 0, 0, 5, "0", 0],
    ["scale up by 1/5 when max-replicas annotation is missing", 120, 100, 0, 50, undefined, 10],
    ["scale up by 1/5 when max-replicas annotation is 0", 120, 100, 0, 50, "0", 10],
    ["scale up by 1/5 should increase RS replicas by 1/5", 120, 0, 0, 50, "100", 10],
    [
      "scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5",
      120,
      0,
      10,
      50,
      "110",
      9,
    ],
    ["scale down by 1/6 should decrease RS replicas by 1/6", 10, 0, 0, 6, "12", -1],
    [
      "scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6",
      100,
      0,
      10,
      50,
      "130",
      -8,
    ],
  ];
  it.each(cases)("%s", (_name, dReplicas, statusReplicas, surge, rsReplicas, ann, expected) => {
    const d = { ...rolling(dReplicas, surge, 1), statusReplicas };
    const rs = {
      name: "nginx",
      replicas: rsReplicas,
      available: 0,
      created: 0,
      annotations: ann === undefined ? undefined : { [MAX_REPLICAS]: ann },
    };
    expect(replicaSetFraction(rs, d)).toBe(expected);
  });
});

describe("RoundToInt32", () => {
  it("rounds half away from zero like Go's math.Round", () => {
    expect([2.5, -2.5, 2.4999, 0.5, -0.5].map(roundToInt)).toEqual([3, -3, 2, 1, -1]);
  });
});
