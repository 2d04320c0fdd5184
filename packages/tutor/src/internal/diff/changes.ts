// Words for what changed: one object's fields, and a crowd of pods summarised in a few phrases.

import { type Fields, FLAG_OFF } from "./kind.ts";
import { plural } from "./read.ts";
import type { SnapshotEntry } from "./snapshot.ts";

/** What happened to one pod between two snapshots. */
export interface PodChange {
  op: "+" | "-" | "~";
  before?: SnapshotEntry;
  after?: SnapshotEntry;
}

function fieldChange(key: string, b: string | undefined, a: string | undefined): string {
  if (key.startsWith("key:")) {
    const name = key.slice(4);
    if (b === undefined) return `key ${name} added`;
    return a === undefined ? `key ${name} removed` : `${name} changed`;
  }
  const off = FLAG_OFF[key];
  if (off !== undefined) return a ?? off;
  if (key === "status") return b === undefined ? (a ?? "") : `${b} → ${a ?? "gone"}`;
  return `${key} ${b ?? "none"} → ${a ?? "none"}`;
}

/**
 * The visible differences between two versions of one object's fields, in field order:
 * ["replicas 3 → 5", "image nginx:1.25 → nginx:1.26"]. Hidden (`_`) fields that changed on their
 * own read as ["updated"]; nothing changed gives [].
 */
export function fieldChanges(
  before: Fields,
  after: Fields,
  quiet?: (key: string, before: Fields, after: Fields) => boolean,
): string[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  const out: string[] = [];
  let hidden = false;
  for (const k of keys) {
    const b = before[k];
    const a = after[k];
    if (b === a || quiet?.(k, before, after)) continue;
    if (k.startsWith("_")) hidden = true;
    else out.push(fieldChange(k, b, a));
  }
  return out.length === 0 && hidden ? ["updated"] : out;
}

/**
 * One pod's change as a phrase. Status wins over readiness (Running implies ready); restarts read
 * as "restarted" in a group, where the counts differ from pod to pod.
 * Example: Pending → ContainerCreating with a node set reads "Pending → ContainerCreating, node aks-0".
 */
export function podChangeText(b: Fields, a: Fields, opts: { grouped: boolean }): string {
  const parts: string[] = [];
  if (b.status !== a.status) parts.push(`${b.status} → ${a.status}`);
  else if (b.ready !== a.ready) parts.push(`ready ${b.ready} → ${a.ready}`);
  if (Number(a.restarts) > Number(b.restarts))
    parts.push(opts.grouped ? "restarted" : `restarts ${b.restarts} → ${a.restarts}`);
  if (!opts.grouped && a.node !== b.node) parts.push(`node ${a.node ?? "none"}`);
  return parts.join(", ");
}

/** "ContainerCreating" when all share one status, else "2 Running, 1 Pending" (most common first). */
function histogram(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  if (counts.size === 1) return statuses[0] ?? "";
  return [...counts]
    .sort(([sa, a], [sb, b]) => b - a || (sa < sb ? -1 : 1))
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

/**
 * A crowd of pod changes in a few phrases, so a rollout of ten pods is one line:
 * ["10 pods created (Running)", "2 pods Running → Terminating", "8 pods deleted"]. On the line of
 * a new owner (`created`), its new pods read "3 pods Pending" or "3 pods: 2 Running, 1 Pending".
 */
export function podSummary(changes: readonly PodChange[], opts: { created?: boolean } = {}): string[] {
  const created = changes.filter((c) => c.op === "+");
  const deleted = changes.filter((c) => c.op === "-");
  const moves = new Map<string, number>();
  for (const c of changes)
    if (c.op === "~" && c.before && c.after) {
      const text = podChangeText(c.before.fields, c.after.fields, { grouped: true });
      if (text) moves.set(text, (moves.get(text) ?? 0) + 1);
    }
  const out: string[] = [];
  if (created.length) {
    const statuses = created.map((c) => c.after?.fields.status ?? "");
    const hist = histogram(statuses);
    const pods = plural(created.length, "pod");
    if (!opts.created) out.push(`${pods} created (${hist})`);
    else out.push(new Set(statuses).size === 1 ? `${pods} ${hist}` : `${pods}: ${hist}`);
  }
  for (const [text, n] of [...moves].sort(([ta, a], [tb, b]) => b - a || (ta < tb ? -1 : 1)))
    out.push(`${plural(n, "pod")} ${text}`);
  if (deleted.length) out.push(`${plural(deleted.length, "pod")} deleted`);
  return out;
}
