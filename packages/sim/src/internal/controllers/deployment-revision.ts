// The new ReplicaSet of a Deployment and its revision bookkeeping (getAllReplicaSetsAndSyncRevision).

import { resourceForKind } from "../api/resources.ts";
import type { KObject } from "../api/types.ts";
import { canonicalJson } from "../util/canonical.ts";
import { fnv32a, safeEncode } from "../util/rng.ts";
import { parseTimestamp } from "../util/time.ts";
import type { ControllerContext } from "./context.ts";
import { ownerRefTo } from "./context.ts";
import { isoNow } from "./deployment-conditions.ts";
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, newRSNewReplicas } from "./deployment-math.ts";
import { noteNewReplicaSet } from "./deployment-status.ts";

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const HASH_LABEL = "pod-template-hash";
export const CHANGE_CAUSE = "kubernetes.io/change-cause";
const RS_INFO = resourceForKind("ReplicaSet");
/** maxRevHistoryLengthInChars: the revision-history annotation keeps at most this many characters. */
const MAX_REV_HISTORY_CHARS = 2000;

/** Annotations a ReplicaSet does not inherit from its Deployment (and rollback does not copy back). */
export const SKIP_ANNOTATIONS: ReadonlySet<string> = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

/** The revision annotation as a number: 0 when absent or unparsable (MaxRevision skips those). */
export function revisionOf(rs: KObject): number {
  const v = rs.metadata.annotations?.[REVISION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** The template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment. */
export function templateWithoutHash(template: KObject["spec"]): unknown {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

const templateKeys = new WeakMap<object, string>();

/**
 * EqualIgnoreHash as a key: the canonical text of an object's pod template without its hash label.
 * Cached per template object: controllers never edit a template in place, updates replace it.
 */
export function templateKey(obj: KObject): string {
  const template = obj.spec?.template;
  if (!template || typeof template !== "object") return canonicalJson(templateWithoutHash(template));
  const hit = templateKeys.get(template);
  if (hit !== undefined) return hit;
  const key = canonicalJson(templateWithoutHash(template));
  templateKeys.set(template, key);
  return key;
}

/** pod-template-hash: FNV-32a of the template (and collision count), in Kubernetes' safe alphabet. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncode(String(fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ""))));
}

const created = (rs: KObject) => parseTimestamp(rs.metadata.creationTimestamp);
/** ReplicaSetsByCreationTimestamp over stored objects. */
export const byCreation = (a: KObject, b: KObject): number =>
  created(a) - created(b) ||
  (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/**
 * SetNewReplicaSetAnnotations: copies the deployment's annotations (minus the skipped ones), raises
 * the revision to `newRevision` when it is lower, and remembers the revisions a rolled-back-to RS
 * served before in revision-history ("1,3"). Returns whether anything changed.
 */
function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number): boolean {
  const current = rs.metadata.annotations ?? {};
  // The copy is made at the first change: most syncs change nothing.
  let ann: Record<string, string> | undefined;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_ANNOTATIONS.has(k) || (ann ?? current)[k] === v) continue;
    ann ??= { ...current };
    ann[k] = v;
  }
  const oldText = (ann ?? current)[REVISION];
  const oldRevision = oldText === undefined ? 0 : /^\d+$/.test(oldText) ? Number(oldText) : undefined;
  if (oldRevision === undefined) return false;
  if (oldRevision < newRevision) {
    ann ??= { ...current };
    ann[REVISION] = String(newRevision);
    if (oldText !== undefined) {
      const history = ann[REVISION_HISTORY] ?? "";
      if (history === "") ann[REVISION_HISTORY] = oldText;
      else {
        // Drop the oldest entries until the list fits in MAX_REV_HISTORY_CHARS.
        const parts = history.split(",");
        let total = history.length + oldText.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < parts.length)
          total -= (parts[start++] ?? "").length + 1;
        if (total <= MAX_REV_HISTORY_CHARS)
          ann[REVISION_HISTORY] = [...parts.slice(start), oldText].join(",");
      }
    }
  }
  if (ann === undefined) return false;
  rs.metadata.annotations = ann;
  return true;
}

/** The oldest ReplicaSet whose template equals the deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: KObject, rsList: KObject[]): KObject | undefined {
  const want = templateKey(d);
  return [...rsList].sort(byCreation).find((rs) => templateKey(rs) === want);
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when `create` and missing) and the
 * old ones, with the new RS's revision one above the old ones' maximum and the deployment's revision
 * annotation following it. Returns `changed` when it wrote anything.
 */
export function getAllReplicaSetsAndSyncRevision(
  ctx: ControllerContext,
  d: KObject,
  rsList: KObject[],
  create: boolean,
): { newRS: KObject | undefined; oldRSs: KObject[]; changed: boolean } {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing).sort(byCreation);
  const newRevision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
  const nowIso = isoNow(ctx.store.now);
  let changed = false;
  if (existing) {
    const minReady = (d.spec.minReadySeconds as number | undefined) ?? 0;
    const rsMinReady = (existing.spec.minReadySeconds as number | undefined) ?? 0;
    if (setNewReplicaSetAnnotations(d, existing, newRevision) || rsMinReady !== minReady) {
      existing.spec = { ...existing.spec };
      if (minReady) existing.spec.minReadySeconds = minReady;
      else delete existing.spec.minReadySeconds;
      ctx.store.touch(existing);
      changed = true;
    }
    const rev = existing.metadata.annotations?.[REVISION];
    let dChanged = false;
    if (rev !== undefined && d.metadata.annotations?.[REVISION] !== rev) {
      d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: rev };
      dChanged = true;
    }
    if (noteNewReplicaSet(d, existing.metadata.name, false, nowIso)) dChanged = true;
    if (dChanged) ctx.store.touch(d);
    return { newRS: existing, oldRSs, changed: changed || dChanged };
  }
  if (!create || !RS_INFO) return { newRS: undefined, oldRSs, changed };
  const collision = (d.status?.collisionCount as number | undefined) ?? 0;
  const hash = podTemplateHash(d.spec.template, collision);
  const name = `${d.metadata.name}-${hash}`;
  if (ctx.store.get("replicasets", d.metadata.namespace, name)) {
    // A hash collision with a ReplicaSet of another template: bump the count and try again.
    d.status = { ...(d.status ?? {}), collisionCount: collision + 1 };
    ctx.store.touch(d);
    return { newRS: undefined, oldRSs, changed: true };
  }
  const template = structuredClone(d.spec.template);
  template.metadata = template.metadata ?? {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const replicas = newRSNewReplicas(
    d.spec,
    oldRSs.reduce((s, rs) => s + ((rs.spec?.replicas as number | undefined) ?? 0), 0),
    0,
  );
  const rs: KObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace ?? "default",
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      labels: { ...(template.metadata.labels as Record<string, string>) },
      annotations: {},
      ownerReferences: [ownerRefTo(d)],
    },
    spec: {
      replicas,
      ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template,
    },
    status: { replicas: 0 },
  };
  setNewReplicaSetAnnotations(d, rs, newRevision);
  rs.metadata.annotations = {
    ...rs.metadata.annotations,
    [DESIRED_REPLICAS]: String(d.spec.replicas),
    [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d.spec)),
  };
  ctx.store.create(RS_INFO, rs);
  if (replicas > 0) {
    ctx.store.event(
      d,
      "Normal",
      "ScalingReplicaSet",
      `Scaled up replica set ${name} from 0 to ${replicas}`,
      "deployment-controller",
    );
  }
  d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(newRevision) };
  noteNewReplicaSet(d, name, true, nowIso);
  ctx.store.touch(d);
  return { newRS: rs, oldRSs, changed: true };
}
