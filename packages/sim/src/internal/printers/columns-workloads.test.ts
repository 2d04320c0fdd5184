// `kubectl get` rows for workloads: ReplicaSet, Deployment, DaemonSet, StatefulSet, Job, CronJob, HPA.
import { describe, expect, it } from "vitest";
import { type TableOptions, tableFor } from "./columns.ts";
import { formatTable } from "./tabwriter.ts";
import { ago, NOW, obj } from "./test-fixtures.ts";

const OPTS: TableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
  noHeaders: false,
};
const WIDE = { ...OPTS, wide: true };
const template = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] },
};

describe("workload tables", () => {
  it("deployments", () => {
    const d = obj("apps/v1", "Deployment", "web", {
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    });
    expect(formatTable(tableFor("deployments", [d], OPTS))).toBe(
      "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/3     3            2           10m",
    );
    expect(tableFor("deployments", [d], WIDE)).toEqual([
      ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
      ["web", "2/3", "3", "2", "10m", "nginx", "nginx:1.25", "app=web"],
    ]);
  });

  it("replicasets", () => {
    const rs = obj("apps/v1", "ReplicaSet", "web-7c5ddbdf54", {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web", "pod-template-hash": "7c5ddbdf54" } },
        template,
      },
      status: { replicas: 3, readyReplicas: 3 },
    });
    expect(tableFor("replicasets", [rs], WIDE)).toEqual([
      ["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
      ["web-7c5ddbdf54", "3", "3", "3", "10m", "nginx", "nginx:1.25", "app=web,pod-template-hash=7c5ddbdf54"],
    ]);
  });

  it("daemonsets and statefulsets", () => {
    const ds = obj("apps/v1", "DaemonSet", "fluentd", {
      spec: {
        selector: { matchLabels: { name: "fluentd" } },
        template: { spec: { ...template.spec, nodeSelector: { "kubernetes.io/os": "linux" } } },
      },
      status: {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        numberReady: 2,
        updatedNumberScheduled: 3,
        numberAvailable: 2,
      },
    });
    expect(tableFor("daemonsets", [ds], OPTS)).toEqual([
      ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
      ["fluentd", "3", "3", "2", "3", "2", "kubernetes.io/os=linux", "10m"],
    ]);
    const sts = obj("apps/v1", "StatefulSet", "db", {
      spec: { replicas: 3, template },
      status: { replicas: 2, readyReplicas: 2 },
    });
    expect(tableFor("statefulsets", [sts], WIDE)).toEqual([
      ["NAME", "READY", "AGE", "CONTAINERS", "IMAGES"],
      ["db", "2/3", "10m", "nginx", "nginx:1.25"],
    ]);
  });

  it("jobs: status, completions and duration", () => {
    const done = obj("batch/v1", "Job", "pi", {
      spec: {
        completions: 1,
        parallelism: 1,
        selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "abc" } },
        template,
      },
      status: {
        succeeded: 1,
        startTime: ago(300),
        completionTime: ago(288),
        conditions: [{ type: "Complete", status: "True" }],
      },
    });
    const running = obj("batch/v1", "Job", "sleep", {
      spec: { parallelism: 1, template },
      status: { active: 1, startTime: ago(90) },
    });
    const wide = obj("batch/v1", "Job", "work", { spec: { parallelism: 3, template }, status: {} });
    const failed = obj("batch/v1", "Job", "bad", {
      spec: { completions: 1, template },
      status: { failed: 1, startTime: ago(60), conditions: [{ type: "Failed", status: "True" }] },
    });
    expect(tableFor("jobs", [done, running, wide, failed], OPTS)).toEqual([
      ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
      ["pi", "Complete", "1/1", "12s", "10m"],
      ["sleep", "Running", "0/1", "90s", "10m"],
      ["work", "Running", "0/1 of 3", "", "10m"],
      ["bad", "Failed", "0/1", "60s", "10m"],
    ]);
    expect(tableFor("jobs", [done], WIDE)[1]?.slice(5)).toEqual([
      "nginx",
      "nginx:1.25",
      "batch.kubernetes.io/controller-uid=abc",
    ]);
  });

  it("cronjobs", () => {
    const cj = obj("batch/v1", "CronJob", "hello", {
      spec: { schedule: "*/1 * * * *", suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: "hello-28573620" }], lastScheduleTime: ago(30) },
    });
    const tz = obj("batch/v1", "CronJob", "nightly", {
      spec: {
        schedule: "0 2 * * *",
        timeZone: "Etc/UTC",
        suspend: true,
        jobTemplate: { spec: { template } },
      },
      status: {},
    });
    expect(tableFor("cronjobs", [cj, tz], OPTS)).toEqual([
      ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["hello", "*/1 * * * *", "<none>", "False", "1", "30s", "10m"],
      ["nightly", "0 2 * * *", "Etc/UTC", "True", "0", "<none>", "10m"],
    ]);
    expect(tableFor("cronjobs", [cj], WIDE)[1]?.slice(7)).toEqual(["nginx", "nginx:1.25", "<none>"]);
  });

  it("horizontal pod autoscalers: TARGETS in the 1.32 'cpu: 0%/50%' form", () => {
    const cpu = (avg: number) => ({
      type: "Resource",
      resource: { name: "cpu", target: { type: "Utilization", averageUtilization: avg } },
    });
    const hpa = (metrics: unknown[], currentMetrics?: unknown[]) =>
      obj("autoscaling/v2", "HorizontalPodAutoscaler", "php-apache", {
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
          minReplicas: 1,
          maxReplicas: 10,
          metrics,
        },
        status: { currentReplicas: 1, desiredReplicas: 1, ...(currentMetrics ? { currentMetrics } : {}) },
      });
    const current = (util: number, value: string) => ({
      type: "Resource",
      resource: { name: "cpu", current: { averageUtilization: util, averageValue: value } },
    });
    expect(tableFor("horizontalpodautoscalers", [hpa([cpu(50)], [current(0, "1m")])], OPTS)).toEqual([
      ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"],
      ["php-apache", "Deployment/php-apache", "cpu: 0%/50%", "1", "10", "1", "10m"],
    ]);
    expect(tableFor("horizontalpodautoscalers", [hpa([cpu(50)])], OPTS)[1]?.[2]).toBe("cpu: <unknown>/50%");
    const mem = {
      type: "Resource",
      resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } },
    };
    const pods = {
      type: "Pods",
      pods: { metric: { name: "rps" }, target: { type: "AverageValue", averageValue: "1k" } },
    };
    const three = hpa(
      [cpu(50), mem, pods],
      [
        current(10, "10m"),
        { type: "Resource", resource: { name: "memory", current: { averageValue: "50Mi" } } },
      ],
    );
    expect(tableFor("horizontalpodautoscalers", [three], OPTS)[1]?.[2]).toBe(
      "cpu: 10%/50%, memory: 50Mi/100Mi + 1 more...",
    );
    expect(tableFor("horizontalpodautoscalers", [hpa([])], OPTS)[1]?.[2]).toBe("<none>");
  });
});
