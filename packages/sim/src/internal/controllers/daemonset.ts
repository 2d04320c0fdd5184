// DaemonSet controller: one pod per eligible node, pinned by node affinity, rolled when the template changes.

import type { KObject } from "../api/types.ts";
import { sameJson } from "../util/canonical.ts";
import {
  availabilityWake,
  byControllerUid,
  type Controller,
  type ControllerContext,
  isPodAvailable,
  isPodReady,
  isTerminating,
  podPhase,
  VersionTally,
} from "./context.ts";
import { daemonTolerations, shouldRunOn } from "./daemonset-nodes.ts";
import { admissionInputs, clearRefused, mayCreate, noteRefused, tryCreatePod } from "./pod-create.ts";
import { deletePod } from "./pod-deletion.ts";
import { ensureRevision } from "./revisions.ts";

const SOURCE = "daemonset-controller";
const HASH = "controller-revision-hash";

/** The template for the pod on `node`: pinned with a metadata.name matchFields term, daemon tolerations added. */
function podTemplateFor(ds: KObject, node: string, hash: string) {
  return (t: KObject["spec"]): KObject["spec"] => {
    t.metadata = t.metadata ?? {};
    t.metadata.labels = {
      ...(t.metadata.labels ?? {}),
      [HASH]: hash,
      "pod-template-generation": String(ds.metadata.generation ?? 1),
    };
    const affinity = t.spec.affinity ?? {};
    const nodeAffinity = affinity.nodeAffinity ?? {};
    t.spec.affinity = {
      ...affinity,
      nodeAffinity: {
        ...nodeAffinity,
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] }],
        },
      },
    };
    t.spec.tolerations = daemonTolerations(t.spec);
    return t;
  };
}

function removePod(ctx: ControllerContext, ds: KObject, pod: KObject): void {
  deletePod(ctx, pod);
  ctx.store.event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, SOURCE);
}

/** maxUnavailable as a number of nodes: an int, or a percentage of the desired count rounded up. */
function maxUnavailable(ds: KObject, desired: number): number {
  const v = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  if (typeof v === "string" && v.endsWith("%"))
    return Math.max(1, Math.ceil((Number(v.slice(0, -1)) / 100) * desired));
  return Math.max(1, Number(v) || 1);
}

function syncDaemonSet(ctx: ControllerContext, ds: KObject, pods: KObject[]): boolean {
  const { store } = ctx;
  if (ds.metadata.deletionTimestamp) {
    clearRefused(store, ds);
    return false;
  }
  let changed = false;
  const labels = (ds.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
  const rev = ensureRevision(store, ds, labels, HASH, (r) =>
    pods.some((p) => p.metadata.labels?.[HASH] === r.metadata.labels?.[HASH]),
  );
  const nodes = store.list("nodes");
  // The set's inputs as sync starts (nodes, too): a create refused at them is not retried before they change.
  const tally = new VersionTally();
  for (const p of pods) tally.add(p);
  const nodeTally = new VersionTally();
  for (const n of nodes) nodeTally.add(n);
  const inputs = `${ds.metadata.resourceVersion}|${tally.key()}|${nodeTally.key()}|${admissionInputs(store, ds.metadata.namespace ?? "")}`;
  const may = mayCreate(store, ds, inputs);
  let refused = false;
  const eligible = new Set(nodes.filter((n) => shouldRunOn(ds, n)).map((n) => n.metadata.name));
  const byNode = new Map<string, KObject[]>();
  for (const p of pods) {
    const node = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0] as string | undefined;
    const key = (p.spec?.nodeName as string | undefined) ?? node ?? "";
    byNode.set(key, [...(byNode.get(key) ?? []), p]);
  }
  const minReady = (ds.spec?.minReadySeconds as number | undefined) ?? 0;
  // Failed daemon pods are killed and replaced; pods on nodes that should not run one go.
  for (const [node, list] of byNode) {
    for (const p of list) {
      if (isTerminating(p)) continue;
      if (!eligible.has(node)) {
        removePod(ctx, ds, p);
        changed = true;
      } else if (podPhase(p) === "Failed") {
        store.event(
          ds,
          "Warning",
          "FailedDaemonPod",
          `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node}, will try to kill it`,
          SOURCE,
        );
        removePod(ctx, ds, p);
        changed = true;
      }
    }
  }
  // Rolling update: old pods go while fewer than maxUnavailable nodes lack an available pod.
  const desired = eligible.size;
  if (ds.spec?.updateStrategy?.type !== "OnDelete") {
    let unavailable = [...eligible].filter(
      (n) => !livePods(byNode, n).some((p) => isPodAvailable(p, minReady, store.now)),
    ).length;
    const budget = maxUnavailable(ds, desired);
    for (const node of [...eligible].sort()) {
      const old = livePods(byNode, node).filter((p) => p.metadata.labels?.[HASH] !== rev.hash);
      for (const p of old) {
        const available = isPodAvailable(p, minReady, store.now);
        if (available && unavailable >= budget) continue;
        removePod(ctx, ds, p);
        if (available) unavailable += 1;
        changed = true;
      }
    }
  }
  for (const node of may ? [...eligible].sort() : []) {
    const onNode = byNode.get(node) ?? [];
    if (
      onNode.some(
        (p) =>
          !isTerminating(p) &&
          podPhase(p) !== "Failed" &&
          store.get("pods", p.metadata.namespace, p.metadata.name),
      )
    )
      continue;
    if (onNode.some((p) => isTerminating(p) && store.get("pods", p.metadata.namespace, p.metadata.name)))
      continue;
    const pod = tryCreatePod(
      store,
      ds,
      ds.spec.template,
      `${ds.metadata.name}-`,
      SOURCE,
      podTemplateFor(ds, node, rev.hash),
    );
    if (!pod) {
      refused = true;
      break;
    }
    store.event(ds, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, SOURCE);
    byNode.set(node, [...onNode, pod]);
    changed = true;
  }
  if (refused) noteRefused(store, ds, inputs);
  else if (may) clearRefused(store, ds);
  return writeStatus(ctx, ds, eligible, byNode, rev.hash, minReady) || changed;
}

function writeStatus(
  ctx: ControllerContext,
  ds: KObject,
  eligible: Set<string>,
  byNode: Map<string, KObject[]>,
  hash: string,
  minReady: number,
): boolean {
  const now = ctx.store.now;
  let current = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  let misscheduled = 0;
  for (const [node, list] of byNode) {
    const live = list.filter(
      (p) => !isTerminating(p) && ctx.store.get("pods", p.metadata.namespace, p.metadata.name),
    );
    if (live.length === 0) continue;
    if (!eligible.has(node)) {
      misscheduled += 1;
      continue;
    }
    current += 1;
    if (live.some(isPodReady)) ready += 1;
    if (live.some((p) => isPodAvailable(p, minReady, now))) available += 1;
    if (live.some((p) => p.metadata.labels?.[HASH] === hash)) updated += 1;
  }
  const status: Record<string, number> = {
    currentNumberScheduled: current,
    desiredNumberScheduled: eligible.size,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
  };
  if (available) status.numberAvailable = available;
  if (eligible.size - available > 0) status.numberUnavailable = eligible.size - available;
  if (updated) status.updatedNumberScheduled = updated;
  if (sameJson(status, ds.status ?? {})) return false;
  ds.status = status;
  ctx.store.touch(ds);
  return true;
}

export const daemonSetController: Controller = {
  name: "daemonset",
  watches: ["DaemonSet", "Pod", "Node", "ControllerRevision", "ResourceQuota", "LimitRange"],
  clock: (ctx) =>
    ctx.store.each("daemonsets").some((d) => ((d.spec?.minReadySeconds as number | undefined) ?? 0) > 0),
  sync(ctx) {
    let changed = false;
    if (ctx.store.each("daemonsets").length === 0) return false;
    const byOwner = byControllerUid(ctx.store.each("pods"));
    for (const ds of ctx.store.each("daemonsets"))
      if (syncDaemonSet(ctx, ds, byOwner.get(ds.metadata.uid) ?? [])) changed = true;
    return changed;
  },
  // Pods become available minReadySeconds after they turn ready: the status counts them then.
  wake: (ctx) => availabilityWake(ctx, ctx.store.each("daemonsets")),
};

/** A node's daemon pods that are neither terminating nor failed. */
function livePods(byNode: Map<string, KObject[]>, node: string): KObject[] {
  return (byNode.get(node) ?? []).filter((p) => !isTerminating(p) && podPhase(p) !== "Failed");
}
