// Kubernetes' tables for the controller's decisions: rolling_test.go and sync_test.go (pkg/controller/deployment).

import { describe, expect, it } from "vitest";
import {
  DESIRED_REPLICAS,
  type IntOrPercent,
  MAX_REPLICAS,
  maxSurge,
  type ReplicaSetView,
  type StrategyView,
} from "./deployment-math.ts";
import {
  type CleanupView,
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  revisionsToClean,
  type ScaleStep,
  scaleDownOldReplicaSetsForRollingUpdate,
  scalePlan,
} from "./deployment-plan.ts";

/** newDeployment in deployment_controller_test.go: RollingUpdate with maxSurge and maxUnavailable 0 unless given. */
function newDeployment(
  replicas: number,
  surge: IntOrPercent = 0,
  unavailable: IntOrPercent = 0,
): StrategyView {
  return {
    replicas,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
  };
}

/** rs() in deployment_controller_test.go. */
function rs(name: string, replicas: number, created = 0, available = 0): ReplicaSetView {
  return { name, replicas, available, created };
}

describe("reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)", () => {
  // deploymentReplicas, maxSurge, oldReplicas, newReplicas, scaleExpected, expectedNewReplicas
  const cases: [number, number, number, number, boolean, number][] = [
    [10, 0, 10, 0, false, 0], // should not scale up
    [10, 2, 10, 0, true, 2],
    [10, 2, 5, 0, true, 7],
    [10, 2, 10, 2, false, 0],
    [10, 2, 2, 11, true, 10], // should scale down
  ];
  it.each(cases)("%i replicas, surge %i, old %i, new %i", (dReplicas, surge, old, neu, scale, expected) => {
    const d = newDeployment(dReplicas, surge, 0);
    const newRS = rs("foo-v2", neu);
    const got = reconcileNewReplicaSet(d, [newRS, rs("foo-v2", old)], newRS);
    expect(got).toBe(scale ? expected : undefined);
  });
});

describe("reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)", () => {
  // deploymentReplicas, maxUnavailable, oldReplicas, newReplicas, readyFromOld, readyFromNew, scaleExpected, expectedOld
  const cases: [number, number, number, number, number, number, boolean, number][] = [
    [10, 0, 10, 0, 10, 0, true, 9],
    [10, 2, 10, 0, 10, 0, true, 8],
    [10, 2, 10, 0, 8, 0, true, 8], // unhealthy replicas of the old RS are cleaned up
    [10, 2, 10, 0, 9, 0, true, 8], // 1 unhealthy cleaned up, 1 ready scaled down
    [10, 2, 8, 2, 8, 0, false, 8], // unavailable new pods never make old ones go
  ];
  it.each(cases)(
    "%i replicas, maxUnavailable %i, old %i (%i ready), new %i",
    (dReplicas, unav, old, neu, oldReady, newReady, scale, expectedOld) => {
      const d = newDeployment(dReplicas, 0, unav);
      const newRS = rs("foo-new", neu, 0, newReady);
      const oldRS = rs("foo-old", old, 0, oldReady);
      const r = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
      expect(r.count > 0).toBe(scale);
      const final = r.steps.filter((s) => s.name === "foo-old").at(-1)?.size ?? old;
      expect(final).toBe(expectedOld);
    },
  );
});

describe("cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)", () => {
  // oldReplicas, readyPods, unHealthyPods, maxCleanupCount, cleanupCountExpected
  const cases: [number, number, number, number, number][] = [
    [10, 8, 2, 1, 1],
    [10, 8, 2, 3, 2],
    [10, 8, 2, 0, 0],
    [10, 10, 0, 3, 0],
  ];
  it.each(cases)("old %i with %i ready, budget %i", (old, ready, _unhealthy, max, expected) => {
    expect(cleanupUnhealthyReplicas([rs("foo-v2", old, 0, ready)], max).count).toBe(expected);
  });
});

describe("scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)", () => {
  // deploymentReplicas, maxUnavailable, readyPods, oldReplicas, scaleExpected, expectedOldReplicas
  const cases: [number, number, number, number, boolean, number][] = [
    [10, 0, 10, 10, true, 9],
    [10, 2, 10, 10, true, 8],
    [10, 2, 8, 10, false, 0],
    [10, 2, 10, 0, false, 0],
    [10, 2, 1, 10, false, 0],
  ];
  it.each(cases)(
    "%i replicas, maxUnavailable %i, %i ready of %i",
    (dReplicas, unav, ready, old, scale, expected) => {
      const oldRS = rs("foo-v2", old, 0, ready);
      const r = scaleDownOldReplicaSetsForRollingUpdate(newDeployment(dReplicas, 0, unav), [oldRS], [oldRS]);
      expect(r.count > 0).toBe(scale);
      if (scale) expect(r.steps).toEqual([{ name: "foo-v2", size: expected, refresh: false }]);
    },
  );
});

describe("scale (TestScale)", () => {
  const newer = Date.UTC(2016, 4, 20, 2);
  const old = Date.UTC(2016, 4, 20, 1);
  const older = Date.UTC(2016, 4, 20, 0);
  interface Case {
    name: string;
    deployment: StrategyView;
    oldDeployment: StrategyView;
    newRS?: ReplicaSetView;
    oldRSs: ReplicaSetView[];
    expectedNew?: number;
    expectedOld: number[];
    desired?: Record<string, number>;
  }
  const cases: Case[] = [
    {
      name: "normal scaling event: 10 -> 12",
      deployment: newDeployment(12),
      oldDeployment: newDeployment(10),
      newRS: rs("foo-v1", 10, newer),
      oldRSs: [],
      expectedNew: 12,
      expectedOld: [],
    },
    {
      name: "normal scaling event: 10 -> 5",
      deployment: newDeployment(5),
      oldDeployment: newDeployment(10),
      newRS: rs("foo-v1", 10, newer),
      oldRSs: [],
      expectedNew: 5,
      expectedOld: [],
    },
    {
      name: "proportional scaling: 5 -> 10",
      deployment: newDeployment(10),
      oldDeployment: newDeployment(5),
      newRS: rs("foo-v2", 2, newer),
      oldRSs: [rs("foo-v1", 3, old)],
      expectedNew: 4,
      expectedOld: [6],
    },
    {
      name: "proportional scaling: 5 -> 3",
      deployment: newDeployment(3),
      oldDeployment: newDeployment(5),
      newRS: rs("foo-v2", 2, newer),
      oldRSs: [rs("foo-v1", 3, old)],
      expectedNew: 1,
      expectedOld: [2],
    },
    {
      name: "proportional scaling: 9 -> 4",
      deployment: newDeployment(4),
      oldDeployment: newDeployment(9),
      newRS: rs("foo-v2", 8, newer),
      oldRSs: [rs("foo-v1", 1, old)],
      expectedNew: 4,
      expectedOld: [0],
    },
    {
      name: "proportional scaling: 7 -> 10",
      deployment: newDeployment(10),
      oldDeployment: newDeployment(7),
      newRS: rs("foo-v3", 2, newer),
      oldRSs: [rs("foo-v2", 3, old), rs("foo-v1", 2, older)],
      expectedNew: 3,
      expectedOld: [4, 3],
    },
    {
      name: "proportional scaling: 13 -> 8",
      deployment: newDeployment(8),
      oldDeployment: newDeployment(13),
      newRS: rs("foo-v3", 2, newer),
      oldRSs: [rs("foo-v2", 8, old), rs("foo-v1", 3, older)],
      expectedNew: 1,
      expectedOld: [5, 2],
    },
    {
      name: "leftover distribution: 3 -> 4",
      deployment: newDeployment(4),
      oldDeployment: newDeployment(3),
      newRS: rs("foo-v3", 1, newer),
      oldRSs: [rs("foo-v2", 1, old), rs("foo-v1", 1, older)],
      expectedNew: 2,
      expectedOld: [1, 1],
    },
    {
      name: "leftover distribution: 3 -> 2",
      deployment: newDeployment(2),
      oldDeployment: newDeployment(3),
      newRS: rs("foo-v3", 1, newer),
      oldRSs: [rs("foo-v2", 1, old), rs("foo-v1", 1, older)],
      expectedNew: 1,
      expectedOld: [1, 0],
    },
    {
      name: "proportional scaling (no new rs): 4 -> 5",
      deployment: newDeployment(5),
      oldDeployment: newDeployment(4),
      oldRSs: [rs("foo-v2", 2, old), rs("foo-v1", 2, older)],
      expectedOld: [3, 2],
    },
    {
      name: "proportional scaling: 6 -> 0",
      deployment: newDeployment(0),
      oldDeployment: newDeployment(6),
      newRS: rs("foo-v3", 3, newer),
      oldRSs: [rs("foo-v2", 2, old), rs("foo-v1", 1, older)],
      expectedNew: 0,
      expectedOld: [0, 0],
    },
    {
      name: "proportional scaling: 0 -> 6",
      deployment: newDeployment(6),
      oldDeployment: newDeployment(6),
      newRS: rs("foo-v3", 0, newer),
      oldRSs: [rs("foo-v2", 0, old), rs("foo-v1", 0, older)],
      expectedNew: 6,
      expectedOld: [0, 0],
    },
    {
      name: "failed rs update",
      deployment: newDeployment(5),
      oldDeployment: newDeployment(5),
      newRS: rs("foo-v3", 2, newer),
      oldRSs: [rs("foo-v2", 1, old), rs("foo-v1", 1, older)],
      expectedNew: 2,
      expectedOld: [2, 1],
      desired: { "foo-v2": 3 },
    },
    {
      name: "deployment with surge pods",
      deployment: newDeployment(20, 2),
      oldDeployment: newDeployment(10, 2),
      newRS: rs("foo-v2", 6, newer),
      oldRSs: [rs("foo-v1", 6, old)],
      expectedNew: 11,
      expectedOld: [11],
    },
    {
      name: "change both surge and size",
      deployment: newDeployment(50, 6),
      oldDeployment: newDeployment(10, 3),
      newRS: rs("foo-v2", 5, newer),
      oldRSs: [rs("foo-v1", 8, old)],
      expectedNew: 22,
      expectedOld: [34],
    },
    {
      name: "change both size and template",
      deployment: newDeployment(14),
      oldDeployment: newDeployment(10),
      oldRSs: [rs("foo-v2", 7, newer), rs("foo-v1", 3, old)],
      expectedOld: [10, 4],
    },
    {
      name: "saturated but broken new replica set does not affect old pods",
      deployment: newDeployment(2, 1, 1),
      oldDeployment: newDeployment(2, 1, 1),
      newRS: rs("foo-v2", 2, newer, 0),
      oldRSs: [rs("foo-v1", 1, old)],
      expectedNew: 2,
      expectedOld: [1],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    // As the Go test does: every ReplicaSet was sized for the old deployment (SetReplicasAnnotations).
    const annotate = (r: ReplicaSetView): ReplicaSetView => {
      const desired = c.desired?.[r.name] ?? c.oldDeployment.replicas;
      const max = desired + maxSurge({ ...c.oldDeployment, replicas: c.oldDeployment.replicas });
      return { ...r, annotations: { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) } };
    };
    const newRS = c.newRS ? annotate(c.newRS) : undefined;
    const oldRSs = c.oldRSs.map(annotate);
    const steps: ScaleStep[] = scalePlan(c.deployment, newRS, oldRSs);
    const size = (r: ReplicaSetView) => steps.filter((s) => s.name === r.name).at(-1)?.size ?? r.replicas;
    if (newRS && c.expectedNew !== undefined) expect(size(newRS)).toBe(c.expectedNew);
    expect(oldRSs.map(size)).toEqual(c.expectedOld);
  });
});

describe("cleanupDeployment (TestDeploymentController_cleanupDeployment, _cleanupDeploymentOrder)", () => {
  const minute = 60_000;
  /** newRSWithStatus: spec and status replicas, no revision. */
  const withStatus = (
    name: string,
    spec: number,
    status: number,
    extra: Partial<CleanupView> = {},
  ): CleanupView => ({
    name,
    created: 0,
    revision: 0,
    replicas: spec,
    statusReplicas: status,
    generation: 1,
    observedGeneration: 1,
    deleting: false,
    ...extra,
  });
  /** newRSWithRevisionAndCreationTimestamp: status.replicas equals spec; "" means no revision annotation. */
  const withRevision = (name: string, replicas: number, offset: number, revision: string): CleanupView =>
    withStatus(name, replicas, replicas, {
      created: offset * minute,
      revision: revision === "" ? 0 : Number(revision),
    });

  const counts: [CleanupView[], number, number][] = [
    [[withStatus("foo-1", 0, 0), withStatus("foo-2", 0, 0), withStatus("foo-3", 0, 0)], 1, 2],
    [
      [
        withStatus("foo-1", 0, 0),
        withStatus("foo-2", 0, 1),
        withStatus("foo-3", 1, 0),
        withStatus("foo-4", 1, 1),
      ],
      0,
      1,
    ],
    [[withStatus("foo-1", 0, 0), withStatus("foo-2", 0, 0)], 0, 2],
    [[withStatus("foo-1", 1, 1), withStatus("foo-2", 1, 1)], 0, 0],
    [[withStatus("foo-1", 0, 0, { deleting: true })], 0, 0],
    [[withStatus("foo-1", 0, 0), withStatus("foo-2", 0, 0), withStatus("foo-3", 0, 0)], 2147483647, 0],
  ];
  it.each(counts.map((c, i) => [i, ...c] as const))(
    "scenario %i deletes the expected number",
    (_i, rss, limit, expected) => {
      expect(revisionsToClean(rss, limit)).toHaveLength(expected);
    },
  );

  const order: [string, CleanupView[], number, string[]][] = [
    [
      "revision order: rs1 < rs2, delete rs1",
      [withRevision("foo-1", 0, -1, "1"), withRevision("foo-2", 0, 0, "2")],
      1,
      ["foo-1"],
    ],
    [
      "revision order: rs2 < rs1, delete rs2",
      [withRevision("foo-1", 0, -1, "2"), withRevision("foo-2", 0, 0, "1")],
      1,
      ["foo-2"],
    ],
    [
      "rs1 has revision but rs2 doesn't have revision, delete rs2",
      [withRevision("foo-1", 0, -1, "1"), withRevision("foo-2", 0, 0, "")],
      1,
      ["foo-2"],
    ],
    [
      "rs1 doesn't have revision while rs2 has revision, delete rs1",
      [withRevision("foo-1", 0, -1, ""), withRevision("foo-2", 0, 0, "2")],
      1,
      ["foo-1"],
    ],
    [
      "revision order: rs1 < rs2 < r3, but rs1 has replicas, delete rs2",
      [withRevision("foo-1", 1, -1, "1"), withRevision("foo-2", 0, 0, "2"), withRevision("foo-3", 0, 1, "3")],
      1,
      ["foo-2"],
    ],
    [
      "revision order: rs1 < rs2 < r3, both rs1 && rs2 have replicas, don't delete",
      [withRevision("foo-1", 1, -1, "1"), withRevision("foo-2", 1, 0, "2"), withRevision("foo-3", 0, 1, "3")],
      1,
      [],
    ],
    [
      "revision order: rs2 < rs4 < rs1 < rs3, delete rs2 && rs4",
      [
        withRevision("foo-1", 0, -1, "3"),
        withRevision("foo-2", 0, 0, "1"),
        withRevision("foo-3", 0, 1, "4"),
        withRevision("foo-4", 0, 2, "2"),
      ],
      2,
      ["foo-2", "foo-4"],
    ],
  ];
  it.each(order)("%s", (_name, rss, limit, expected) => {
    expect(revisionsToClean(rss, limit).sort()).toEqual(expected);
  });
});
