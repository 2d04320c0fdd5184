// Kubernetes' replica_calculator_test.go cases (resource and pods metrics) run against hpa-replicas.ts.
import { describe, expect, it } from "vitest";
import {
  type CalcOptions,
  type CalcPod,
  calculatePodRequests,
  getPlainMetricReplicas,
  getResourceReplicas,
  groupPods,
  type PodMetric,
} from "./hpa-replicas.ts";

const NOW = 1_736_154_000_000;
/** Go's zero time.Time, the harness default for start times, transitions and sample timestamps. */
const ZERO = -62_135_596_800_000;
const HOT = NOW; // hotCPUCreationTime(): started just now
const COOL = NOW - 3 * 60_000; // coolCPUCreationTime(): started three minutes ago
const MIN = 60_000;
/** The upstream test defaults (defaultTestingTolerance, …CPUInitializationPeriod, …DelayOfInitialReadinessStatus). */
const OPTS: CalcOptions = {
  now: NOW,
  tolerance: 0.1,
  cpuInitializationPeriodMs: 2 * MIN,
  initialReadinessDelayMs: 10_000,
};

type Phase = "Running" | "Pending" | "Failed";
interface Case {
  name: string;
  current: number;
  expected?: number;
  error?: string;
  readiness?: ("True" | "False")[];
  start?: number[];
  phase?: Phase[];
  deleting?: boolean[];
  container?: string;
  // resource metric
  requests?: number[]; // millicores per container (each pod has two containers)
  levels?: number[][]; // per pod, per container
  podNames?: string[];
  target?: number;
  utilization?: number;
  value?: number;
  // pods metric
  metricLevels?: number[];
  targetUsage?: number;
  usage?: number;
}

/** makePodMetricLevels: both containers of each pod report the same level. */
const lv = (...xs: number[]) => xs.map((x) => [x, x]);

/** The harness's pods: two containers, each requesting the case's request; readiness, start, phase as given. */
function podsOf(tc: Case): CalcPod[] {
  const count = Math.max(tc.current, tc.phase?.length ?? 0);
  const pods: CalcPod[] = [];
  for (let i = 0; i < count; i++) {
    const req = tc.requests?.[i];
    pods.push({
      name: `test-pod-${i}`,
      phase: tc.phase?.[i] ?? "Running",
      deleting: tc.deleting?.[i] ?? false,
      ready: { status: tc.readiness?.[i] ?? "True", lastTransition: ZERO },
      startTime: tc.start?.[i] ?? ZERO,
      containers: [
        { name: "container1", ...(req !== undefined ? { request: req } : {}) },
        { name: "container2", ...(req !== undefined ? { request: req } : {}) },
      ],
    });
  }
  return pods;
}

/** The fake metrics client: a pod's value is the sum of its containers, or the named container's. */
function resourceMetrics(tc: Case): Map<string, PodMetric> {
  const m = new Map<string, PodMetric>();
  (tc.levels ?? []).forEach((containers, i) => {
    const name = tc.podNames?.[i] ?? `test-pod-${i}`;
    let value: number | undefined;
    if (tc.container) {
      const idx = Number(tc.container.replace("container", "")) - 1;
      value = containers[idx];
    } else value = containers.length === 2 ? containers.reduce((a, b) => a + b, 0) : undefined;
    if (value !== undefined) m.set(name, { value, timestamp: ZERO, window: MIN });
  });
  return m;
}

const RESOURCE_CASES: Case[] = [
  {
    name: "TestReplicaCalcDisjointResourcesMetrics",
    current: 1,
    error: "no metrics returned matched known pods",
    requests: [1000],
    levels: lv(100),
    podNames: ["an-older-pod-name"],
    target: 100,
  },
  {
    name: "TestReplicaCalcScaleUp",
    current: 3,
    expected: 5,
    requests: [1000, 1000, 1000],
    levels: lv(300, 500, 700),
    target: 30,
    utilization: 50,
    value: 1000,
  },
  {
    name: "TestReplicaCalcContainerScaleUp",
    current: 3,
    expected: 5,
    requests: [1000, 1000, 1000],
    levels: [
      [1000, 300],
      [1000, 500],
      [1000, 700],
    ],
    target: 30,
    utilization: 50,
    value: 500,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleUpUnreadyLessScale",
    current: 3,
    expected: 4,
    readiness: ["False", "True", "True"],
    requests: [1000, 1000, 1000],
    levels: lv(300, 500, 700),
    target: 30,
    utilization: 60,
    value: 1200,
  },
  {
    name: "TestReplicaCalcScaleUpContainerHotCpuLessScale",
    current: 3,
    expected: 4,
    start: [HOT, COOL, COOL],
    requests: [1000, 1000, 1000],
    levels: [
      [0, 300],
      [0, 500],
      [0, 700],
    ],
    target: 30,
    utilization: 60,
    value: 600,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleUpHotCpuLessScale",
    current: 3,
    expected: 4,
    start: [HOT, COOL, COOL],
    requests: [1000, 1000, 1000],
    levels: lv(300, 500, 700),
    target: 30,
    utilization: 60,
    value: 1200,
  },
  {
    name: "TestReplicaCalcScaleUpUnreadyNoScale",
    current: 3,
    expected: 3,
    readiness: ["True", "False", "False"],
    requests: [1000, 1000, 1000],
    levels: lv(400, 500, 700),
    target: 30,
    utilization: 40,
    value: 800,
  },
  {
    name: "TestReplicaCalcScaleHotCpuNoScale",
    current: 3,
    expected: 3,
    readiness: ["True", "False", "False"],
    start: [COOL, HOT, HOT],
    requests: [1000, 1000, 1000],
    levels: lv(400, 500, 700),
    target: 30,
    utilization: 40,
    value: 800,
  },
  {
    name: "TestReplicaCalcScaleUpIgnoresFailedPods",
    current: 2,
    expected: 4,
    readiness: ["True", "True", "False", "False"],
    phase: ["Running", "Running", "Failed", "Failed"],
    requests: [1000, 1000, 1000, 1000],
    levels: lv(500, 700),
    target: 30,
    utilization: 60,
    value: 1200,
  },
  {
    name: "TestReplicaCalcMissingContainerMetricScaleUpIgnoresFailedPods",
    current: 2,
    expected: 4,
    readiness: ["True", "True", "False", "False"],
    phase: ["Running", "Running", "Failed", "Failed"],
    requests: [1000, 1000, 1000, 1000],
    levels: [[1000, 500], [9000, 700], [1000], [9000]],
    target: 30,
    utilization: 60,
    value: 600,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleUpContainerIgnoresFailedPods",
    current: 2,
    expected: 4,
    readiness: ["True", "True", "False", "False"],
    phase: ["Running", "Running", "Failed", "Failed"],
    requests: [1000, 1000, 1000, 1000],
    levels: [
      [1000, 500],
      [9000, 700],
    ],
    target: 30,
    utilization: 60,
    value: 600,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleUpIgnoresDeletionPods",
    current: 2,
    expected: 4,
    readiness: ["True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running"],
    deleting: [false, false, true, true],
    requests: [1000, 1000, 1000, 1000],
    levels: lv(500, 700),
    target: 30,
    utilization: 60,
    value: 1200,
  },
  {
    name: "TestReplicaCalcScaleUpContainerIgnoresDeletionPods",
    current: 2,
    expected: 4,
    readiness: ["True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running"],
    deleting: [false, false, true, true],
    requests: [1000, 1000, 1000, 1000],
    levels: lv(500, 700),
    target: 30,
    utilization: 60,
    value: 600,
    container: "container1",
  },
  {
    name: "TestReplicaCalcScaleDown",
    current: 5,
    expected: 3,
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: lv(100, 300, 500, 250, 250),
    target: 50,
    utilization: 28,
    value: 560,
  },
  {
    name: "TestReplicaCalcContainerScaleDown",
    current: 5,
    expected: 3,
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 250],
      [1000, 250],
    ],
    target: 50,
    utilization: 28,
    value: 280,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleDownExcludeUnreadyPods",
    current: 5,
    expected: 2,
    readiness: ["True", "True", "True", "False", "False"],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: lv(100, 300, 500, 250, 250),
    target: 50,
    utilization: 30,
    value: 600,
  },
  {
    name: "TestReplicaCalcScaleDownContainerExcludeUnreadyPods",
    current: 5,
    expected: 2,
    readiness: ["True", "True", "True", "False", "False"],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 250],
      [1000, 250],
    ],
    target: 50,
    utilization: 30,
    value: 300,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleDownExcludeUnscheduledPods",
    current: 5,
    expected: 1,
    readiness: ["True", "False", "False", "False", "False"],
    phase: ["Running", "Pending", "Pending", "Pending", "Pending"],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: lv(100),
    target: 50,
    utilization: 10,
    value: 200,
  },
  {
    name: "TestReplicaCalcScaleDownContainerExcludeUnscheduledPods",
    current: 5,
    expected: 1,
    readiness: ["True", "False", "False", "False", "False"],
    phase: ["Running", "Pending", "Pending", "Pending", "Pending"],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 250],
      [1000, 250],
    ],
    target: 50,
    utilization: 10,
    value: 100,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleDownIgnoreHotCpuPods",
    current: 5,
    expected: 2,
    start: [COOL, COOL, COOL, HOT, HOT],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: lv(100, 300, 500, 250, 250),
    target: 50,
    utilization: 30,
    value: 600,
  },
  {
    name: "TestReplicaCalcScaleDownContainerIgnoreHotCpuPods",
    current: 5,
    expected: 2,
    start: [COOL, COOL, COOL, HOT, HOT],
    requests: [1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 1000],
      [1000, 1000],
    ],
    target: 50,
    utilization: 30,
    value: 300,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleDownIgnoresFailedPods",
    current: 5,
    expected: 3,
    readiness: ["True", "True", "True", "True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running", "Running", "Failed", "Failed"],
    requests: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
    levels: lv(100, 300, 500, 250, 250),
    target: 50,
    utilization: 28,
    value: 560,
  },
  {
    name: "TestReplicaCalcScaleDownContainerIgnoresFailedPods",
    current: 5,
    expected: 3,
    readiness: ["True", "True", "True", "True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running", "Running", "Failed", "Failed"],
    requests: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 250],
      [1000, 250],
    ],
    target: 50,
    utilization: 28,
    value: 280,
    container: "container2",
  },
  {
    name: "TestReplicaCalcScaleDownIgnoresDeletionPods",
    current: 5,
    expected: 3,
    readiness: ["True", "True", "True", "True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running", "Running", "Running", "Running"],
    deleting: [false, false, false, false, false, true, true],
    requests: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
    levels: lv(100, 300, 500, 250, 250),
    target: 50,
    utilization: 28,
    value: 560,
  },
  {
    name: "TestReplicaCalcScaleDownIgnoresDeletionPods_StillRunning",
    current: 5,
    expected: 3,
    readiness: ["True", "True", "True", "True", "True", "False", "False"],
    phase: ["Running", "Running", "Running", "Running", "Running", "Running", "Running"],
    deleting: [false, false, false, false, false, true, true],
    requests: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
    levels: [
      [1000, 100],
      [1000, 300],
      [1000, 500],
      [1000, 250],
      [1000, 250],
    ],
    target: 50,
    utilization: 28,
    value: 280,
    container: "container2",
  },
  {
    name: "TestReplicaCalcTolerance",
    current: 3,
    expected: 3,
    requests: [900, 1000, 1100],
    levels: lv(1010, 1030, 1020),
    target: 100,
    utilization: 102,
    value: 2040,
  },
  {
    name: "TestReplicaCalcSuperfluousMetrics",
    current: 4,
    expected: 24,
    requests: [1000, 1000, 1000, 1000],
    levels: lv(4000, 9500, 3000, 7000, 3200, 2000),
    target: 100,
    utilization: 587,
    value: 11750,
  },
  {
    name: "TestReplicaCalcMissingMetrics",
    current: 4,
    expected: 3,
    requests: [1000, 1000, 1000, 1000],
    levels: lv(400, 95),
    target: 100,
    utilization: 24,
    value: 495,
  },
  {
    name: "TestReplicaCalcEmptyMetrics",
    current: 4,
    error: "unable to get metrics for resource cpu: no metrics returned from resource metrics API",
    requests: [1000, 1000, 1000],
    levels: [],
    target: 100,
  },
  {
    name: "TestReplicaCalcEmptyCPURequest",
    current: 1,
    error: "missing request for",
    requests: [],
    levels: lv(200),
    target: 100,
  },
  {
    name: "TestReplicaCalcMissingMetricsNoChangeEq",
    current: 2,
    expected: 2,
    requests: [1000, 1000],
    levels: lv(1000),
    target: 100,
    utilization: 100,
    value: 2000,
  },
  {
    name: "TestReplicaCalcMissingMetricsNoChangeGt",
    current: 2,
    expected: 2,
    requests: [1000, 1000],
    levels: lv(1900),
    target: 100,
    utilization: 190,
    value: 3800,
  },
  {
    name: "TestReplicaCalcMissingMetricsNoChangeLt",
    current: 2,
    expected: 2,
    requests: [1000, 1000],
    levels: lv(600),
    target: 100,
    utilization: 60,
    value: 1200,
  },
  {
    name: "TestReplicaCalcMissingMetricsUnreadyChange",
    current: 3,
    expected: 3,
    readiness: ["False", "True", "True"],
    requests: [1000, 1000, 1000],
    levels: lv(100, 450),
    target: 50,
    utilization: 45,
    value: 900,
  },
  {
    name: "TestReplicaCalcMissingMetricsHotCpuNoChange",
    current: 3,
    expected: 3,
    start: [HOT, COOL, COOL],
    requests: [1000, 1000, 1000],
    levels: lv(100, 450),
    target: 50,
    utilization: 45,
    value: 900,
  },
  {
    name: "TestReplicaCalcMissingMetricsUnreadyScaleUp",
    current: 3,
    expected: 4,
    readiness: ["False", "True", "True"],
    requests: [1000, 1000, 1000],
    levels: lv(100, 2000),
    target: 50,
    utilization: 200,
    value: 4000,
  },
  {
    name: "TestReplicaCalcMissingMetricsHotCpuScaleUp",
    current: 3,
    expected: 4,
    readiness: ["False", "True", "True"],
    start: [HOT, COOL, COOL],
    requests: [1000, 1000, 1000],
    levels: lv(100, 2000),
    target: 50,
    utilization: 200,
    value: 4000,
  },
  {
    name: "TestReplicaCalcMissingMetricsUnreadyScaleDown",
    current: 4,
    expected: 3,
    readiness: ["False", "True", "True", "True"],
    requests: [1000, 1000, 1000, 1000],
    levels: lv(100, 100, 100),
    target: 50,
    utilization: 10,
    value: 200,
  },
  {
    name: "TestReplicaCalcMissingMetricsScaleDownTargetOver100",
    current: 4,
    expected: 2,
    readiness: ["False", "True", "True", "True"],
    requests: [1000, 1000, 2000, 2000],
    levels: lv(200, 100, 100),
    target: 300,
    utilization: 6,
    value: 200,
  },
  {
    name: "TestReplicaCalcDuringRollingUpdateWithMaxSurge",
    current: 2,
    expected: 2,
    phase: ["Running", "Running", "Running"],
    requests: [1000, 1000, 1000],
    levels: lv(100, 100),
    target: 50,
    utilization: 10,
    value: 200,
  },
];

const POD_METRIC_CASES: Case[] = [
  {
    name: "TestReplicaCalcScaleUpCM",
    current: 3,
    expected: 4,
    metricLevels: [20000, 10000, 30000],
    targetUsage: 15000,
    usage: 20000,
  },
  {
    name: "TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale",
    current: 3,
    expected: 6,
    readiness: ["True", "True", "False"],
    start: [COOL, COOL, HOT],
    metricLevels: [50000, 10000, 30000],
    targetUsage: 15000,
    usage: 30000,
  },
  {
    name: "TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown",
    current: 3,
    expected: 7,
    readiness: ["False", "True", "False"],
    start: [HOT, COOL, HOT],
    metricLevels: [50000, 15000, 30000],
    targetUsage: 15000,
    usage: 31666,
  },
  {
    name: "TestReplicaCalcScaleUpCMExternal (pods metric)",
    current: 1,
    expected: 2,
    metricLevels: [8600],
    targetUsage: 4400,
    usage: 8600,
  },
  {
    name: "TestReplicaCalcScaleUpCMExternalNoLabels (pods metric)",
    current: 1,
    expected: 2,
    metricLevels: [8600],
    targetUsage: 4400,
    usage: 8600,
  },
  {
    name: "TestReplicaCalcScaleDownCM",
    current: 5,
    expected: 3,
    metricLevels: [12000, 12000, 12000, 12000, 12000],
    targetUsage: 20000,
    usage: 12000,
  },
  {
    name: "TestReplicaCalcToleranceCM",
    current: 3,
    expected: 3,
    metricLevels: [20000, 21000, 21000],
    targetUsage: 20000,
    usage: 20666,
  },
  {
    name: "TestPlainMetricReplicaCalcMissingMetricsNoChangeEq",
    current: 5,
    expected: 5,
    metricLevels: [20000, 19000, 21000],
    targetUsage: 20000,
    usage: 20000,
  },
  {
    name: "TestReplicaCalcDuringRollingUpdateWithMaxSurgeCM",
    current: 2,
    expected: 2,
    phase: ["Running", "Running", "Running"],
    metricLevels: [10000, 10000],
    targetUsage: 17000,
    usage: 10000,
  },
];

describe("the replica calculator reproduces replica_calculator_test.go", () => {
  it.each(RESOURCE_CASES)("$name (GetResourceReplicas)", (tc) => {
    const out = getResourceReplicas(
      tc.current,
      tc.target ?? 0,
      "cpu",
      podsOf(tc),
      resourceMetrics(tc),
      tc.container ?? "",
      OPTS,
    );
    if (tc.error !== undefined) {
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toContain(tc.error);
      return;
    }
    expect(out).toEqual({
      ok: true,
      replicas: tc.expected,
      utilization: tc.utilization,
      rawUtilization: tc.value,
    });
  });

  it.each(POD_METRIC_CASES)("$name (GetMetricReplicas)", (tc) => {
    const metrics = new Map<string, PodMetric>();
    for (const [i, v] of (tc.metricLevels ?? []).entries())
      metrics.set(`test-pod-${i}`, { value: v, timestamp: ZERO, window: MIN });
    const out = getPlainMetricReplicas(tc.current, tc.targetUsage ?? 0, "", podsOf(tc), metrics, OPTS);
    expect(out).toEqual({ ok: true, replicas: tc.expected, usage: tc.usage });
  });

  // TestReplicaCalcComputedToleranceAlgImplementation: 10 pods at 150m using half their request.
  it("TestReplicaCalcComputedToleranceAlgImplementation", () => {
    const used = 10 * 150;
    const requested = 2 * used;
    const perPod = requested / 10;
    const offsets = [100, -100, 10, -10, 2, -2, 1, -1, 0, 0];
    const tc: Case = {
      name: "",
      current: 10,
      requests: offsets.map((o) => perPod + o),
      levels: lv(...offsets.map(() => used / 10)),
    };
    let target = Math.abs(1 / (2 * (1 - 0.1))) + 0.01;
    const finalPods = Math.ceil((used / (requested * target)) * 10);
    const first = getResourceReplicas(
      10,
      Math.trunc(target * 100),
      "cpu",
      podsOf(tc),
      resourceMetrics(tc),
      "",
      OPTS,
    );
    expect(first).toEqual({ ok: true, replicas: finalPods, utilization: 50, rawUtilization: 300 });
    target = Math.abs(1 / (2 * (1 - 0.1))) + 0.004;
    const second = getResourceReplicas(
      10,
      Math.trunc(target * 100),
      "cpu",
      podsOf(tc),
      resourceMetrics(tc),
      "",
      OPTS,
    );
    expect(second.ok && second.replicas).toBe(10);
  });
});

describe("groupPods reproduces TestGroupPods", () => {
  const pod = (name: string, phase: string, extra: Partial<CalcPod> = {}): CalcPod => ({
    name,
    phase,
    containers: [],
    ...extra,
  });
  const m = (value: number, timestamp = 0, window = 0): PodMetric => ({ value, timestamp, window });
  const cases: [string, CalcPod[], [string, PodMetric][], string, [number, string[], string[], string[]]][] =
    [
      ["void", [], [], "cpu", [0, [], [], []]],
      [
        "count in a ready pod - memory",
        [pod("bentham", "Succeeded")],
        [["bentham", m(1, NOW, MIN)]],
        "memory",
        [1, [], [], []],
      ],
      [
        "unready a pod without ready condition - CPU",
        [pod("lucretius", "Succeeded", { startTime: NOW })],
        [["lucretius", m(1)]],
        "cpu",
        [0, ["lucretius"], [], []],
      ],
      [
        "count in a ready pod with fresh metrics during initialization period - CPU",
        [
          pod("bentham", "Succeeded", {
            startTime: NOW - MIN,
            ready: { status: "True", lastTransition: NOW - 30_000 },
          }),
        ],
        [["bentham", m(1, NOW, 30_000)]],
        "cpu",
        [1, [], [], []],
      ],
      [
        "unready a ready pod without fresh metrics during initialization period - CPU",
        [
          pod("bentham", "Succeeded", {
            startTime: NOW - MIN,
            ready: { status: "True", lastTransition: NOW - 30_000 },
          }),
        ],
        [["bentham", m(1, NOW, MIN)]],
        "cpu",
        [0, ["bentham"], [], []],
      ],
      [
        "unready an unready pod during initialization period - CPU",
        [
          pod("lucretius", "Succeeded", {
            startTime: NOW - 10 * MIN,
            ready: { status: "False", lastTransition: NOW - 9 * MIN - 54_000 },
          }),
        ],
        [["lucretius", m(1)]],
        "cpu",
        [0, ["lucretius"], [], []],
      ],
      [
        "count in a ready pod without fresh metrics after initialization period - CPU",
        [
          pod("bentham", "Succeeded", {
            startTime: NOW - 3 * MIN,
            ready: { status: "True", lastTransition: NOW - 3 * MIN },
          }),
        ],
        [["bentham", m(1, NOW - 2 * MIN, MIN)]],
        "cpu",
        [1, [], [], []],
      ],
      [
        "count in an unready pod that was ready after initialization period - CPU",
        [
          pod("lucretius", "Succeeded", {
            startTime: NOW - 10 * MIN,
            ready: { status: "False", lastTransition: NOW - 9 * MIN },
          }),
        ],
        [["lucretius", m(1)]],
        "cpu",
        [1, [], [], []],
      ],
      [
        "unready pod that has never been ready after initialization period - CPU",
        [
          pod("lucretius", "Succeeded", {
            startTime: NOW - 10 * MIN,
            ready: { status: "False", lastTransition: NOW - 9 * MIN - 50_000 },
          }),
        ],
        [["lucretius", m(1)]],
        "cpu",
        [1, [], [], []],
      ],
      [
        "a missing pod",
        [pod("epicurus", "Succeeded", { startTime: NOW - 3 * MIN })],
        [],
        "cpu",
        [0, [], ["epicurus"], []],
      ],
      [
        "pending pods are unreadied",
        [pod("unscheduled", "Pending")],
        [],
        "cpu",
        [0, ["unscheduled"], [], []],
      ],
      [
        "ignore pods with deletion timestamps",
        [pod("deleted", "Pending", { deleting: true })],
        [["deleted", m(1)]],
        "cpu",
        [0, [], [], ["deleted"]],
      ],
      [
        "ignore pods in a failed state",
        [pod("failed", "Failed")],
        [["failed", m(1)]],
        "cpu",
        [0, [], [], ["failed"]],
      ],
    ];
  it.each(cases)("%s", (_name, pods, metrics, resource, [ready, unready, missing, ignored]) => {
    const g = groupPods(pods, new Map(metrics), resource, OPTS);
    expect([g.readyPodCount, [...g.unready], [...g.missing], [...g.ignored]]).toEqual([
      ready,
      unready,
      missing,
      ignored,
    ]);
  });
});

describe("calculatePodRequests reproduces TestCalculatePodRequests", () => {
  const pod: CalcPod = {
    name: "test-pod",
    phase: "Running",
    containers: [
      { name: "container1", request: 100 },
      { name: "container2", request: 50 },
    ],
  };
  it("sums regular containers, or picks one", () => {
    expect(calculatePodRequests([], "", "cpu")).toEqual({ ok: true, requests: new Map() });
    expect(calculatePodRequests([pod], "", "cpu")).toEqual({
      ok: true,
      requests: new Map([["test-pod", 150]]),
    });
    expect(calculatePodRequests([pod], "container1", "cpu")).toEqual({
      ok: true,
      requests: new Map([["test-pod", 100]]),
    });
  });
  it("names the container missing a request", () => {
    const bare: CalcPod = { name: "test-pod", phase: "Running", containers: [{ name: "container1" }] };
    expect(calculatePodRequests([bare], "", "cpu")).toEqual({
      ok: false,
      error: "missing request for cpu in container container1 of Pod test-pod",
    });
  });
});
