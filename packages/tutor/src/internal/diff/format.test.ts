// Behaviour of diff formatting and of the phrases that summarise pod crowds.

import { describe, expect, it } from "vitest";
import { fieldChanges, podSummary } from "./changes.ts";
import type { DiffLine } from "./diff.ts";
import { formatDiff } from "./format.ts";
import type { SnapshotEntry } from "./snapshot.ts";

const l = (op: DiffLine["op"], kind: string, name: string, detail = "", namespace = "default"): DiffLine => ({
  op,
  kind,
  namespace,
  name,
  detail,
});

const pod = (status: string, restarts = "0"): SnapshotEntry => ({
  kind: "pod",
  namespace: "default",
  name: "p",
  fields: { status, ready: "0/1", restarts },
});

describe("formatDiff", () => {
  it("puts a new object's description in brackets and a change after a colon", () => {
    expect(
      formatDiff([
        l("+", "deployment", "web", "3 replicas, nginx:1.25"),
        l("~", "pod", "web-7c5d-x2x9q", "ContainerCreating → Running"),
        l("-", "pod", "web-7c5d-abcde"),
        l("-", "pod", "", "3 pods of replicaset/web-6f9b"),
      ]),
    ).toEqual([
      "+ deployment/web (3 replicas, nginx:1.25)",
      "~ pod/web-7c5d-x2x9q: ContainerCreating → Running",
      "- pod/web-7c5d-abcde",
      "- 3 pods of replicaset/web-6f9b",
    ]);
  });

  it("marks objects outside the current namespace and shortens the longest kinds", () => {
    const lines = [
      l("+", "horizontalpodautoscaler", "api", "", "staging"),
      l("+", "namespace", "staging", "", ""),
    ];
    expect(formatDiff(lines)).toEqual(["+ hpa/api -n staging", "+ namespace/staging"]);
    expect(formatDiff(lines, { namespace: "staging" })).toEqual(["+ hpa/api", "+ namespace/staging"]);
  });

  it("stops at max lines and says how many more there are", () => {
    const many = Array.from({ length: 20 }, (_, i) => l("+", "configmap", `c${i}`));
    const out = formatDiff(many, { max: 5 });
    expect(out).toHaveLength(5);
    expect(out[4]).toBe("… and 16 more changes");
    expect(formatDiff(many.slice(0, 5), { max: 5 })).toHaveLength(5);
  });
});

describe("podSummary", () => {
  it("counts pods by what happened to them, most common first", () => {
    const changes = [
      { op: "+" as const, after: pod("Pending") },
      { op: "+" as const, after: pod("Running") },
      { op: "~" as const, before: pod("Running"), after: pod("Terminating") },
      { op: "~" as const, before: pod("Pending"), after: pod("Running") },
      { op: "~" as const, before: pod("Pending"), after: pod("Running") },
      { op: "~" as const, before: pod("Running", "1"), after: pod("Running", "2") },
      { op: "-" as const, before: pod("Terminating") },
    ];
    expect(podSummary(changes)).toEqual([
      "2 pods created (1 Pending, 1 Running)",
      "2 pods Pending → Running",
      "1 pod Running → Terminating",
      "1 pod restarted",
      "1 pod deleted",
    ]);
  });
});

describe("fieldChanges", () => {
  it("words keys, flags and plain fields, and hides underscored ones unless alone", () => {
    expect(
      fieldChanges({ replicas: "1", "key:a": "x" }, { replicas: "2", "key:b": "y", paused: "paused" }),
    ).toEqual(["replicas 1 → 2", "key b added", "paused", "key a removed"]);
    expect(fieldChanges({ paused: "paused" }, {})).toEqual(["resumed"]);
    expect(fieldChanges({ _rv: "1" }, { _rv: "2" })).toEqual(["updated"]);
    expect(fieldChanges({ _rv: "1", type: "A" }, { _rv: "2", type: "B" })).toEqual(["type A → B"]);
  });
});
