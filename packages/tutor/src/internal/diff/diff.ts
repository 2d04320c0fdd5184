// The state diff: what a command (and the virtual time it let pass) changed, folded into a few lines.

import { fieldChanges, type PodChange, podChangeText, podSummary } from "./changes.ts";
import type { Fields } from "./kind.ts";
import { plural } from "./read.ts";
import { KIND_ORDER, quietOf, type Snapshot, type SnapshotEntry, summaryOf } from "./snapshot.ts";

/**
 * One line of a state diff. `op` is "+" (created), "-" (deleted) or "~" (changed). A line about a
 * crowd of pods whose owner is gone has kind "pod" and an empty name; its `detail` says whose pods.
 */
export interface DiffLine {
  op: "+" | "-" | "~";
  kind: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
  /** "3 replicas, nginx:1.25" for "+", "replicas 3 → 5; 2 pods created (ContainerCreating)" for "~". */
  detail: string;
}

interface Change extends PodChange {
  key: string;
  entry: SnapshotEntry;
  /** For "~": the entry's visible field changes (`fieldChanges` of before and after). */
  fields?: string[];
}

/** Namespaces whose changes are the platform's business, shown as one count each. */
const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease"]);

/** Whether two field sets hold the same values under the same keys (then no field changed). */
function sameFields(b: Fields, a: Fields): boolean {
  if (b === a) return true;
  let n = 0;
  for (const k of Object.keys(a)) {
    if (b[k] !== a[k] || !Object.hasOwn(b, k)) return false;
    n++;
  }
  return Object.keys(b).length === n;
}

/** Changes in key order (keys are unique, so as `Array.sort` orders the keys themselves). */
function byKey(a: Change, b: Change): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function rawChanges(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  for (const key of Object.keys(after.entries)) {
    const a = after.entries[key] as SnapshotEntry;
    const b = before.entries[key];
    if (!b) out.push({ key, op: "+", entry: a, after: a });
    else if (!sameFields(b.fields, a.fields)) {
      const fields = fieldChanges(b.fields, a.fields, quietOf(a.kind));
      if (fields.length) out.push({ key, op: "~", entry: a, before: b, after: a, fields });
    }
  }
  for (const key of Object.keys(before.entries))
    if (!Object.hasOwn(after.entries, key)) {
      const b = before.entries[key] as SnapshotEntry;
      out.push({ key, op: "-", entry: b, before: b });
    }
  // Only the changes are sorted: usually a few of the snapshot's keys.
  return out.sort(byKey);
}

/** "1 deployment, 1 replicaset, 3 pods", in kind order. */
function kindCounts(changes: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.entry.kind, (counts.get(c.entry.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (KIND_ORDER.get(a) ?? 99) - (KIND_ORDER.get(b) ?? 99))
    .map(([kind, n]) => plural(n, kind))
    .join(", ");
}

function ownDetail(c: Change): string {
  if (c.op === "+") return summaryOf(c.entry);
  if (c.op === "-" || !c.before || !c.after) return "";
  if (c.entry.kind === "pod") return podChangeText(c.before.fields, c.after.fields, { grouped: false });
  return (c.fields ?? fieldChanges(c.before.fields, c.after.fields, quietOf(c.entry.kind))).join(", ");
}

function line(op: DiffLine["op"], e: { kind: string; namespace: string; name: string }, parts: string[]) {
  return { op, kind: e.kind, namespace: e.namespace, name: e.name, detail: parts.filter(Boolean).join("; ") };
}

/** "replicaset web-6f9b" or "2 replicasets", for objects that went with a deleted owner. */
function descendantsText(changes: readonly Change[]): string[] {
  const out: string[] = [];
  const others = changes.filter((c) => c.entry.kind !== "pod");
  const kinds = [...new Set(others.map((c) => c.entry.kind))];
  for (const kind of kinds) {
    const of = others.filter((c) => c.entry.kind === kind);
    out.push(of.length === 1 ? `${kind} ${of[0]?.entry.name}` : plural(of.length, kind));
  }
  return out;
}

/**
 * Compares two snapshots and folds the changes so that a chat message stays short:
 * - a Deployment's, ReplicaSet's, Job's, … pods become one phrase on their owner's line
 *   ("~ replicaset/web-7c5d: ready 0 → 10; 10 pods ContainerCreating → Running"), unless only
 *   one pod of an unchanged owner changed;
 * - whatever goes with a deleted owner is named on the owner's line (a Deployment's ReplicaSet
 *   and its pods), and whatever goes with a namespace being deleted is counted on its line;
 * - changes in kube-system and the other system namespaces are one count per namespace;
 * - events are not state and never appear.
 * Lines are sorted by kind (namespaces, nodes, workloads, pods, networking, configuration), then
 * namespace and name, so the same snapshots always give the same lines.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): DiffLine[] {
  const changes = rawChanges(before, after);
  const byKey = new Map(changes.map((c) => [c.key, c]));
  const lines: DiffLine[] = [];

  // Namespaces that are going away, and system namespaces: their contents fold into one line each.
  const leaving = new Set(
    changes
      .filter(
        (c) => c.entry.kind === "namespace" && (c.op === "-" || c.after?.fields.status === "Terminating"),
      )
      .map((c) => c.entry.name),
  );
  for (const e of Object.values(after.entries))
    if (e.kind === "namespace" && e.fields.status === "Terminating") leaving.add(e.name);
  const nsFolded = new Map<string, Change[]>();
  const rest: Change[] = [];
  for (const c of changes) {
    const ns = c.entry.namespace;
    if (ns && (leaving.has(ns) || SYSTEM_NAMESPACES.has(ns)))
      nsFolded.set(ns, [...(nsFolded.get(ns) ?? []), c]);
    else rest.push(c);
  }

  // Who absorbs whom: anything under a deleted owner goes to the top deleted ancestor; pods of a
  // live owner go to the owner's line when it changed too or when several of them changed.
  const absorbed = new Map<string, Change[]>();
  const podsOf = new Map<string, Change[]>();
  const own: Change[] = [];
  for (const c of rest) {
    let top: string | undefined;
    for (let o = c.entry.owner; o !== undefined && byKey.get(o)?.op === "-"; o = byKey.get(o)?.entry.owner)
      top = o;
    if (top !== undefined) absorbed.set(top, [...(absorbed.get(top) ?? []), c]);
    else if (c.entry.kind === "pod" && c.entry.owner !== undefined)
      podsOf.set(c.entry.owner, [...(podsOf.get(c.entry.owner) ?? []), c]);
    else own.push(c);
  }
  const groupedAt = new Map<string, Change[]>();
  for (const [owner, pods] of podsOf) {
    const ownerChange = byKey.get(owner);
    const exists = after.entries[owner] ?? before.entries[owner];
    if (ownerChange || (exists && pods.length > 1)) groupedAt.set(owner, pods);
    else if (pods.length === 1) own.push(...pods);
    else {
      // The owner is gone from both snapshots: "- 3 pods of replicaset/web-6f9b".
      const [kind, , name] = owner.split("/");
      const first = pods[0]?.entry;
      const allOps = new Set(pods.map((p) => p.op));
      const op = allOps.size === 1 ? (pods[0]?.op ?? "~") : "~";
      const whose = `${plural(pods.length, "pod")} of ${kind}/${name}`;
      const detail = op === "-" ? whose : `${whose}: ${podSummary(pods).join(", ")}`;
      lines.push({ op, kind: "pod", namespace: first?.namespace ?? "", name: "", detail });
    }
  }

  for (const c of own) {
    const parts = [ownDetail(c)];
    const under = absorbed.get(c.key) ?? [];
    if (under.length) {
      const others = descendantsText(under);
      const pods = podSummary(under.filter((u) => u.entry.kind === "pod"));
      parts.push(
        [...(c.op === "-" && others.length ? [`with ${others.join(", ")}`] : others), ...pods].join("; "),
      );
    }
    const grouped = groupedAt.get(c.key);
    if (grouped) parts.push(podSummary(grouped, { created: c.op === "+" }).join(", "));
    lines.push(line(c.op, c.entry, parts));
  }
  // Live owners that did not change themselves but whose pods did.
  for (const [owner, pods] of groupedAt)
    if (!byKey.has(owner)) {
      const e = after.entries[owner] ?? before.entries[owner];
      if (e) lines.push(line("~", e, [podSummary(pods).join(", ")]));
    }

  for (const [ns, folded] of nsFolded) {
    const c = byKey.get(`namespace//${ns}`);
    const counts = kindCounts(folded);
    if (SYSTEM_NAMESPACES.has(ns) && !leaving.has(ns)) {
      lines.push(
        line("~", { kind: "namespace", namespace: "", name: ns }, [
          `${plural(folded.length, "object")} changed`,
        ]),
      );
      continue;
    }
    const i = lines.findIndex((l) => l.kind === "namespace" && l.name === ns);
    const nsLine = lines[i];
    if (c?.op === "-" && nsLine) lines[i] = { ...nsLine, detail: `with ${counts}` };
    else if (nsLine)
      lines[i] = { ...nsLine, detail: [nsLine.detail, `deleting ${counts}`].filter(Boolean).join("; ") };
    else lines.push(line("~", { kind: "namespace", namespace: "", name: ns }, [`deleting ${counts}`]));
  }
  return lines.sort(compareLines);
}

function compareLines(a: DiffLine, b: DiffLine): number {
  const k = (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99);
  if (k) return k;
  for (const [x, y] of [
    [a.namespace, b.namespace],
    [a.name, b.name],
    [a.detail, b.detail],
  ] as const)
    if (x !== y) return x < y ? -1 : 1;
  return 0;
}
