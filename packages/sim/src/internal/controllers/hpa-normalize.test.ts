// Kubernetes' horizontal_test.go normalisation cases run against hpa-normalize.ts.
import { describe, expect, it } from "vitest";
import {
  type BehaviorArgs,
  calculateScaleUpLimit,
  convertDesiredReplicasWithRules,
  convertWithBehaviorRate,
  type Recommendation,
  replicasChangePerPeriod,
  type ScaleEvent,
  type ScalingRules,
  scaleDownRules,
  scaleUpRules,
  stabilizeRecommendation,
  stabilizeWithBehaviors,
  storeScaleEvent,
} from "./hpa-normalize.ts";

const NOW = 1_736_154_000_000;
const S = 1000;
const MIN = 60 * S;

/** generateScalingRules(pods, podsPeriod, percent, percentPeriod, window): Max of the non-zero policies. */
function rules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number) {
  const policies = [];
  if (pods !== 0) policies.push({ type: "Pods", value: pods, periodSeconds: podsPeriod });
  if (percent !== 0) policies.push({ type: "Percent", value: percent, periodSeconds: percentPeriod });
  return { stabilizationWindowSeconds: window, selectPolicy: "Max", policies };
}

/** generateEventsUniformDistribution: event i sits in the middle of the i-th segment of the period. */
function uniform(raw: number[], periodSeconds: number): ScaleEvent[] {
  const seg = periodSeconds / raw.length;
  return raw.map((change, i) => ({
    change,
    at: NOW - Math.trunc(periodSeconds - seg * (i + 1) + seg / 2) * S,
  }));
}

describe("TestConvertDesiredReplicasWithRules", () => {
  it.each([
    [5, 7, 3, 8, 7, "DesiredWithinRange"],
    [3, 1, 2, 8, 2, "TooFewReplicas"],
    [1, 0, 0, 10, 0, "DesiredWithinRange"],
    [20, 1000, 1, 10, 10, "TooManyReplicas"],
    [3, 1000, 1, 2000, calculateScaleUpLimit(3), "ScaleUpLimit"],
  ])("current %i desired %i in [%i, %i] → %i (%s)", (current, desired, min, max, replicas, reason) => {
    const out = convertDesiredReplicasWithRules(current, desired, min, max);
    expect([out.replicas, out.reason]).toEqual([replicas, reason]);
  });
});

describe("TestNormalizeDesiredReplicas (stabilizeRecommendation, 5 min window)", () => {
  const rec = (replicas: number, ago: number): Recommendation => ({ replicas, at: NOW - ago });
  it.each([
    ["empty log", [], 5, 5, 1],
    ["stabilize", [rec(4, 2 * MIN), rec(5, MIN)], 3, 5, 3],
    ["no stabilize", [rec(1, 2 * MIN), rec(2, MIN)], 3, 3, 3],
    ["no stabilize - old recommendations", [rec(10, 10 * MIN), rec(9, 9 * MIN)], 3, 3, 2],
    [
      "stabilize - old recommendations",
      [rec(10, 10 * MIN), rec(4, MIN), rec(5, 2 * MIN), rec(9, 9 * MIN)],
      3,
      5,
      4,
    ],
  ] as const)("%s", (_n, recs, desired, stabilized, logLength) => {
    const log = [...recs];
    expect(stabilizeRecommendation(log, desired, NOW, 5 * MIN)).toBe(stabilized);
    expect(log).toHaveLength(logLength);
  });
});

describe("TestNormalizeDesiredReplicasWithBehavior (stabilizeRecommendationWithBehaviors)", () => {
  const rec = (replicas: number, ago: number): Recommendation => ({ replicas, at: NOW - ago });
  const cases: [string, Recommendation[], number, number, number, number[], number, number][] = [
    ["empty recommendations for scaling down", [], 100, 5, 5, [5], 0, 0],
    ["simple scale down stabilization", [rec(4, 2 * MIN), rec(5, MIN)], 100, 3, 5, [4, 5, 3], 0, 180],
    ["simple scale up stabilization", [rec(4, 2 * MIN), rec(5, MIN)], 1, 7, 4, [4, 5, 7], 300, 0],
    ["no scale down stabilization", [rec(1, 2 * MIN), rec(2, MIN)], 100, 3, 3, [1, 2, 3], 300, 0],
    ["no scale up stabilization", [rec(4, 2 * MIN), rec(5, MIN)], 1, 3, 3, [4, 5, 3], 0, 300],
    [
      "no scale down stabilization, reuse recommendation element",
      [rec(10, 10 * MIN), rec(9, 9 * MIN)],
      100,
      3,
      3,
      [10, 3],
      0,
      0,
    ],
    [
      "no scale up stabilization, reuse recommendation element",
      [rec(10, 10 * MIN), rec(9, 9 * MIN)],
      1,
      100,
      100,
      [10, 100],
      0,
      0,
    ],
    [
      "scale down stabilization, reuse one of obsolete recommendation element",
      [rec(10, 10 * MIN), rec(4, MIN), rec(5, 2 * MIN), rec(9, 9 * MIN)],
      100,
      3,
      5,
      [10, 4, 5, 3],
      0,
      180,
    ],
  ];
  it.each(cases)("%s", (_n, recs, current, desired, stabilized, log, upWindow, downWindow) => {
    const args: BehaviorArgs = {
      scaleUp: scaleUpRules({ stabilizationWindowSeconds: upWindow }),
      scaleDown: scaleDownRules({ stabilizationWindowSeconds: downWindow }),
      min: 1,
      max: 1000,
      current,
      desired,
    };
    const list = [...recs];
    expect(stabilizeWithBehaviors(list, args, NOW).replicas).toBe(stabilized);
    expect(list.map((r) => r.replicas)).toEqual(log);
  });
});

describe("TestScalingWithRules (convertDesiredReplicasWithBehaviorRate)", () => {
  type R = ScalingRules | undefined;
  type E = ScaleEvent[] | undefined;
  type Row = [string, number, number, number, number, number, string, R?, R?, E?, E?];
  const rows: Row[] = [
    ["scaleUp with default behavior", 1, 1000, 10, 50, 20, "ScaleUpLimit"],
    [
      "scaleUp with pods policy larger than percent policy",
      1,
      1000,
      10,
      500,
      110,
      "ScaleUpLimit",
      rules(100, 60, 100, 60, 0),
    ],
    [
      "scaleUp with percent policy larger than pods policy",
      1,
      1000,
      10,
      500,
      20,
      "ScaleUpLimit",
      rules(2, 60, 100, 60, 0),
    ],
    [
      "scaleUp with spec MaxReplicas limitation with large pod policy",
      1,
      1000,
      10,
      50,
      50,
      "DesiredWithinRange",
      rules(100, 60, 0, 0, 0),
    ],
    [
      "scaleUp with spec MaxReplicas limitation with large percent policy",
      1,
      1000,
      10,
      50,
      50,
      "DesiredWithinRange",
      rules(10000, 60, 0, 0, 0),
    ],
    ["scaleUp with pod policy limitation", 1, 1000, 10, 50, 40, "ScaleUpLimit", rules(30, 60, 0, 0, 0)],
    ["scaleUp with percent policy limitation", 1, 1000, 10, 50, 30, "ScaleUpLimit", rules(0, 0, 200, 60, 0)],
    [
      "scaleDown with percent policy larger than pod policy",
      1,
      1000,
      100,
      2,
      80,
      "ScaleDownLimit",
      undefined,
      rules(20, 60, 1, 60, 300),
    ],
    [
      "scaleDown with pod policy larger than percent policy",
      1,
      1000,
      100,
      2,
      98,
      "ScaleDownLimit",
      undefined,
      rules(2, 60, 1, 60, 300),
    ],
    [
      "scaleDown with spec MinReplicas=nil limitation with large pod policy",
      1,
      1000,
      10,
      0,
      1,
      "TooFewReplicas",
      undefined,
      rules(100, 60, 0, 0, 300),
    ],
    [
      "scaleDown with spec MinReplicas limitation with large percent policy",
      5,
      1000,
      10,
      2,
      5,
      "TooFewReplicas",
      undefined,
      rules(0, 0, 100, 60, 300),
    ],
    [
      "scaleDown with pod policy limitation",
      1,
      1000,
      10,
      2,
      5,
      "ScaleDownLimit",
      undefined,
      rules(5, 60, 0, 0, 300),
    ],
    [
      "scaleDown with percent policy limitation",
      1,
      1000,
      10,
      5,
      5,
      "DesiredWithinRange",
      undefined,
      rules(0, 0, 50, 60, 300),
    ],
    [
      "scaleUp with spec MaxReplicas limitation with large pod policy and events",
      1,
      200,
      100,
      500,
      200,
      "TooManyReplicas",
      rules(300, 60, 0, 0, 0),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleUp with spec MaxReplicas limitation with large percent policy and events",
      1,
      200,
      100,
      500,
      200,
      "TooManyReplicas",
      rules(0, 0, 10000, 60, 0),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events",
      1,
      1000,
      100,
      500,
      100,
      "ScaleUpLimit",
      rules(5, 120, 0, 0, 0),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleUp with pod policy and previous scale up events",
      1,
      1000,
      100,
      500,
      235,
      "ScaleUpLimit",
      rules(150, 120, 0, 0, 0),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleUp with percent policy and previous scale up events",
      1,
      1000,
      100,
      500,
      255,
      "ScaleUpLimit",
      rules(0, 0, 200, 120, 0),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleUp with percent policy and previous scale up and down events",
      1,
      1000,
      6,
      24,
      16,
      "ScaleUpLimit",
      rules(0, 0, 300, 300, 0),
      undefined,
      uniform([4], 120),
      uniform([2], 120),
    ],
    [
      "scaleDown with default policy and previous events",
      1,
      1000,
      10,
      5,
      5,
      "DesiredWithinRange",
      undefined,
      undefined,
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events",
      1,
      1000,
      100,
      0,
      1,
      "TooFewReplicas",
      undefined,
      rules(115, 120, 0, 0, 300),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleDown with spec MinReplicas limitation with large pod policy and previous events",
      5,
      1000,
      100,
      0,
      5,
      "TooFewReplicas",
      undefined,
      rules(130, 120, 0, 0, 300),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleDown with spec MinReplicas limitation with large percent policy and previous events",
      5,
      1000,
      100,
      2,
      5,
      "TooFewReplicas",
      undefined,
      rules(0, 0, 100, 120, 300),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleDown with pod policy limitation and previous events",
      1,
      1000,
      100,
      2,
      100,
      "ScaleDownLimit",
      undefined,
      rules(5, 120, 0, 0, 300),
      undefined,
      uniform([1, 5, 9], 120),
    ],
    [
      "scaleDown with percent policy limitation and previous events",
      1,
      1000,
      100,
      0,
      56,
      "ScaleDownLimit",
      undefined,
      rules(0, 0, 50, 120, 300),
      undefined,
      uniform([2, 4, 6], 120),
    ],
    [
      "scaleDown with percent policy and previous scale up and down events",
      1,
      1000,
      10,
      1,
      6,
      "ScaleDownLimit",
      undefined,
      rules(0, 0, 50, 180, 0),
      uniform([2], 120),
      uniform([4], 120),
    ],
    [
      "scaleDown with previous events preventing further scale down",
      1,
      1000,
      100,
      0,
      100,
      "ScaleDownLimit",
      undefined,
      rules(0, 0, 10, 120, 300),
      undefined,
      uniform([10, 10, 10], 120),
    ],
    [
      "scaleDown with with previous events still allowing more scale down",
      1,
      1000,
      10,
      5,
      5,
      "DesiredWithinRange",
      undefined,
      rules(0, 0, 1000, 120, 300),
      undefined,
      uniform([10, 10, 10], 120),
    ],
    [
      "check 'outdated' flag for events for one behavior for up",
      1,
      1000,
      100,
      200,
      200,
      "DesiredWithinRange",
      rules(1000, 60, 0, 0, 0),
      undefined,
      uniform([8, 12, 9, 11], 120),
    ],
    [
      "check that events were not marked 'outdated' for two different policies in the behavior for up",
      1,
      1000,
      100,
      200,
      200,
      "DesiredWithinRange",
      rules(1000, 120, 100, 60, 0),
      undefined,
      uniform([8, 12, 9, 11], 120),
    ],
    [
      "check 'outdated' flag for events for one behavior for down",
      1,
      1000,
      100,
      5,
      5,
      "DesiredWithinRange",
      undefined,
      rules(1000, 60, 0, 0, 300),
      undefined,
      uniform([8, 12, 9, 11], 120),
    ],
  ];
  it.each(rows)("%s", (_n, min, max, current, desired, replicas, reason, up, down, upEvents, downEvents) => {
    // Events default to the scale-up list unless the row only concerns scale-down rules.
    const isDown = desired < current;
    const ups = isDown && downEvents === undefined && upEvents !== undefined ? [] : (upEvents ?? []);
    const downs = downEvents ?? (isDown && upEvents !== undefined ? upEvents : []);
    const args: BehaviorArgs = {
      scaleUp: scaleUpRules(up),
      scaleDown: scaleDownRules(down),
      min,
      max,
      current,
      desired,
    };
    const out = convertWithBehaviorRate(args, ups, downs, NOW);
    expect([out.replicas, out.reason]).toEqual([replicas, reason]);
  });
});

describe("TestStoreScaleEvents", () => {
  const ev = (change: number, agoSeconds: number): ScaleEvent => ({ change, at: NOW - agoSeconds * S });
  it.each([
    ["empty entries with two-policy-behavior", [], rules(10, 60, 100, 60, 0), 0, [[5, false]]],
    [
      "one outdated entry to be replaced with behavior",
      [ev(7, 61)],
      rules(10, 60, 100, 60, 0),
      0,
      [[5, false]],
    ],
    [
      "one actual entry to be not touched with behavior",
      [ev(7, 58)],
      rules(10, 60, 100, 60, 0),
      7,
      [
        [7, false],
        [5, false],
      ],
    ],
    [
      "two entries, one of them to be replaced",
      [ev(7, 61), ev(6, 59)],
      rules(10, 60, 0, 0, 0),
      6,
      [
        [5, false],
        [6, false],
      ],
    ],
    [
      "replace one entry, use policies with different periods",
      [ev(8, 29), ev(6, 59), ev(7, 61), ev(9, 61)],
      rules(10, 60, 100, 30, 0),
      14,
      [
        [8, false],
        [6, false],
        [7, true],
        [5, false],
      ],
    ],
    [
      "two entries, both actual",
      [ev(7, 58), ev(6, 59)],
      rules(10, 120, 100, 30, 0),
      13,
      [
        [7, false],
        [6, false],
        [5, false],
      ],
    ],
  ] as const)("%s", (_n, prev, r, expectedChange, stored) => {
    const events = prev.map((e) => ({ ...e }));
    expect(replicasChangePerPeriod(60, events, NOW)).toBe(expectedChange);
    const out = storeScaleEvent(events, r, 5, NOW);
    expect(out.map((e) => [e.change, e.outdated === true])).toEqual(stored);
  });
});
