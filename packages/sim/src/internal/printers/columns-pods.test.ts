// `kubectl get pods` rows: READY, STATUS, RESTARTS as printPod computes them, and table decorations.
import { describe, expect, it } from "vitest";
import type { KObject } from "../api/types.ts";
import { type TableOptions, tableFor } from "./columns.ts";
import { formatTable } from "./tabwriter.ts";
import { ago, NOW, obj, runningPod } from "./test-fixtures.ts";

const OPTS: TableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
  noHeaders: false,
};

function podWith(
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
  meta: Partial<KObject["metadata"]> = {},
): KObject {
  const base = runningPod();
  return {
    ...base,
    spec: { ...base.spec, ...spec },
    status: { ...base.status, ...status },
    metadata: { ...base.metadata, ...meta },
  };
}

const cs = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "nginx",
  image: "nginx:1.25",
  imageID: "",
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});

/** READY, STATUS, RESTARTS of one pod. */
const cells = (pod: KObject) => tableFor("pods", [pod], { ...OPTS, noHeaders: true })[0]?.slice(1, 4);

describe("pods table", () => {
  it("prints a running pod, and the wide columns", () => {
    expect(tableFor("pods", [runningPod()], OPTS)).toEqual([
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
      ["web-7c5ddbdf54-x8k2p", "1/1", "Running", "0", "5m"],
    ]);
    expect(tableFor("pods", [runningPod()], { ...OPTS, wide: true })).toEqual([
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
      ["web-7c5ddbdf54-x8k2p", "1/1", "Running", "0", "5m", "10.244.1.5", "node-1", "<none>", "<none>"],
    ]);
  });

  it("prints an unscheduled pod as Pending with <none> IP and node", () => {
    const pod = obj("v1", "Pod", "pending", {
      spec: { containers: [{ name: "c", image: "i" }] },
      status: { phase: "Pending" },
    });
    expect(tableFor("pods", [pod], { ...OPTS, wide: true, noHeaders: true })).toEqual([
      ["pending", "0/1", "Pending", "0", "10m", "<none>", "<none>", "<none>", "<none>"],
    ]);
  });

  it("shows waiting reasons and restarts with the last restart's age", () => {
    const crash = podWith({
      phase: "Running",
      containerStatuses: [
        cs(
          { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s" } },
          {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(25) } },
          },
        ),
      ],
    });
    expect(cells(crash)).toEqual(["0/1", "CrashLoopBackOff", "3 (25s ago)"]);
    for (const reason of [
      "ContainerCreating",
      "ErrImagePull",
      "ImagePullBackOff",
      "CreateContainerConfigError",
    ]) {
      expect(
        cells(podWith({ phase: "Pending", containerStatuses: [cs({ waiting: { reason } })] }))?.[1],
      ).toBe(reason);
    }
  });

  it("shows terminated reasons, signals and exit codes", () => {
    const term = (t: Record<string, unknown>, phase = "Failed") =>
      cells(podWith({ phase, containerStatuses: [cs({ terminated: t })] }));
    expect(term({ exitCode: 0, reason: "Completed" }, "Succeeded")).toEqual(["0/1", "Completed", "0"]);
    expect(term({ exitCode: 1, reason: "Error" })?.[1]).toBe("Error");
    expect(term({ exitCode: 137, reason: "OOMKilled" })?.[1]).toBe("OOMKilled");
    expect(term({ exitCode: 137, signal: 9 })?.[1]).toBe("Signal:9");
    expect(term({ exitCode: 1 })?.[1]).toBe("ExitCode:1");
  });

  it("reports init containers", () => {
    const init = { initContainers: [{ name: "setup", image: "busybox" }] };
    const with1 = (s: Record<string, unknown>) =>
      cells(
        podWith(
          {
            phase: "Pending",
            conditions: [{ type: "Initialized", status: "False" }],
            initContainerStatuses: [{ name: "setup", ready: false, restartCount: 0, state: s }],
            containerStatuses: [cs({ waiting: { reason: "PodInitializing" } })],
          },
          init,
        ),
      );
    expect(with1({ running: { startedAt: ago(5) } })?.[1]).toBe("Init:0/1");
    expect(with1({ waiting: { reason: "ErrImagePull" } })?.[1]).toBe("Init:ErrImagePull");
    expect(with1({ terminated: { exitCode: 1, reason: "Error" } })?.[1]).toBe("Init:Error");
    expect(with1({ terminated: { exitCode: 0, reason: "Completed" } })?.[1]).toBe("PodInitializing");
  });

  it("prints Terminating while a deletion timestamp is set", () => {
    expect(cells(podWith({}, {}, { deletionTimestamp: ago(2) }))?.[1]).toBe("Terminating");
  });

  it("turns Completed back into Running or NotReady when another container still runs", () => {
    const two = (ready: boolean) =>
      podWith(
        {
          conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
          containerStatuses: [
            cs({ running: { startedAt: ago(60) } }, { ready: true }),
            cs({ terminated: { exitCode: 0, reason: "Completed" } }, { name: "sidecar" }),
          ],
        },
        {
          containers: [
            { name: "nginx", image: "nginx" },
            { name: "sidecar", image: "busybox" },
          ],
        },
      );
    expect(cells(two(false))).toEqual(["1/2", "NotReady", "0"]);
    expect(cells(two(true))).toEqual(["1/2", "Running", "0"]);
  });
});

describe("table decorations", () => {
  const pod = runningPod();

  it("puts NAMESPACE first with -A, and LABELS last with --show-labels", () => {
    expect(tableFor("pods", [pod], { ...OPTS, withNamespace: true, showLabels: true })).toEqual([
      ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "LABELS"],
      [
        "default",
        "web-7c5ddbdf54-x8k2p",
        "1/1",
        "Running",
        "0",
        "5m",
        "app=web,pod-template-hash=7c5ddbdf54",
      ],
    ]);
  });

  it("adds one upper-cased column per -L key (last path segment), empty when unset", () => {
    const rows = tableFor("pods", [pod], { ...OPTS, labelColumns: ["app", "app.kubernetes.io/name"] });
    expect(rows[0]?.slice(5)).toEqual(["APP", "NAME"]);
    expect(rows[1]?.slice(5)).toEqual(["web", ""]);
  });

  it("prefixes names with the kind, and drops headers", () => {
    expect(tableFor("pods", [pod], { ...OPTS, withKind: true, noHeaders: true })[0]?.[0]).toBe(
      "pod/web-7c5ddbdf54-x8k2p",
    );
    const dep = obj("apps/v1", "Deployment", "web", { spec: { replicas: 1 }, status: {} });
    expect(tableFor("deployments", [dep], { ...OPTS, withKind: true })[1]?.[0]).toBe("deployment.apps/web");
  });

  it("ignores -A for cluster-scoped kinds and prints no header without rows", () => {
    const ns = obj(
      "v1",
      "Namespace",
      "dev",
      { status: { phase: "Active" } },
      { namespace: undefined as never },
    );
    expect(tableFor("namespaces", [ns], { ...OPTS, withNamespace: true })[0]).toEqual([
      "NAME",
      "STATUS",
      "AGE",
    ]);
    expect(tableFor("pods", [], OPTS)).toEqual([]);
  });

  it("renders through the tabwriter like kubectl", () => {
    expect(formatTable(tableFor("pods", [pod], OPTS))).toBe(
      "NAME                   READY   STATUS    RESTARTS   AGE\nweb-7c5ddbdf54-x8k2p   1/1     Running   0          5m",
    );
  });

  it("cuts a multi-line cell at its first line break", () => {
    const cm = obj("v1", "Widget", "a\nb");
    expect(tableFor("widgets", [cm], { ...OPTS, noHeaders: true })).toEqual([["a...", "10m"]]);
  });
});
