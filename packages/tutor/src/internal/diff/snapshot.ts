// A compact picture of the cluster taken before and after each command, for the state diff.

import type { KObject, Sim } from "@bosun/sim";
import type { Fields, KindReader } from "./kind.ts";
import {
  configMapReader,
  endpointsReader,
  ingressReader,
  limitRangeReader,
  namespaceReader,
  nodeReader,
  pvcReader,
  quotaReader,
  secretReader,
  serviceReader,
} from "./kinds-other.ts";
import {
  cronJobReader,
  daemonSetReader,
  deploymentReader,
  hpaReader,
  jobReader,
  podReader,
  replicaSetReader,
  statefulSetReader,
} from "./kinds-workloads.ts";

/** The kinds a snapshot covers, in the order diff lines list them. Events are not state, so not here. */
export const READERS: readonly KindReader[] = [
  namespaceReader,
  nodeReader,
  deploymentReader,
  replicaSetReader,
  statefulSetReader,
  daemonSetReader,
  cronJobReader,
  jobReader,
  podReader,
  hpaReader,
  serviceReader,
  endpointsReader,
  ingressReader,
  configMapReader,
  secretReader,
  pvcReader,
  quotaReader,
  limitRangeReader,
];

/** Position of each kind in `READERS`, for sorting diff lines. */
export const KIND_ORDER: ReadonlyMap<string, number> = new Map(READERS.map((r, i) => [r.kind, i]));

const SUMMARIES: ReadonlyMap<string, KindReader["summary"]> = new Map(
  READERS.map((r) => [r.kind, r.summary]),
);

const QUIET: ReadonlyMap<string, NonNullable<KindReader["quiet"]>> = new Map(
  READERS.flatMap((r) => (r.quiet ? [[r.kind, r.quiet] as const] : [])),
);

/** The kind's test for changes not worth a word, if it has one. */
export function quietOf(kind: string): KindReader["quiet"] {
  return QUIET.get(kind);
}

/** A new object's short description ("3 replicas, nginx:1.25"), or "" for kinds with none. */
export function summaryOf(entry: SnapshotEntry): string {
  return SUMMARIES.get(entry.kind)?.(entry.fields) ?? "";
}

/** One object as a snapshot keeps it. */
export interface SnapshotEntry {
  /** Lowercase singular kind: "deployment". */
  readonly kind: string;
  /** "" for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
  /** Snapshot key of the controller that owns it (a pod's ReplicaSet, a ReplicaSet's Deployment). */
  readonly owner?: string;
  /** The fields that matter, as display text (see `Fields`). Never a Secret's value. */
  readonly fields: Readonly<Fields>;
}

/**
 * The cluster reduced to the fields a learner notices, keyed `kind/namespace/name` in sorted
 * order. Small (a few hundred bytes per object) and plain data, so an engine can hold one per event.
 */
export interface Snapshot {
  readonly entries: Readonly<Record<string, SnapshotEntry>>;
}

/** Snapshot key of an object: `deployment/default/web`, `node//aks-nodepool1-0`. */
export function entryKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

function ownerKey(o: KObject): string | undefined {
  const refs = o.metadata.ownerReferences;
  if (refs === undefined || refs === null) return undefined;
  for (const ref of refs)
    if (ref.controller === true)
      return entryKey(ref.kind.toLowerCase(), o.metadata.namespace ?? "", ref.name);
  return undefined;
}

/** Takes a snapshot of the objects that matter. Cheap: one pass over each covered kind, no copies of specs. */
export function snapshot(sim: Sim): Snapshot {
  const entries: Record<string, SnapshotEntry> = {};
  for (const reader of READERS) {
    for (const o of sim.list(reader.resource)) {
      const fields = reader.fields(o, sim);
      if (!fields) continue;
      const namespace = o.metadata.namespace ?? "";
      const name = o.metadata.name;
      const owner = ownerKey(o);
      entries[entryKey(reader.kind, namespace, name)] = owner
        ? { kind: reader.kind, namespace, name, fields, owner }
        : { kind: reader.kind, namespace, name, fields };
    }
  }
  return { entries };
}
