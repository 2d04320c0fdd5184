// StatefulSet controller: ordered, stably named pods with their own claims; ordered scaling and rolling updates.

import type { KObject } from "../api/types.ts";
import { sameJson } from "../util/canonical.ts";
import {
  availabilityWake,
  byControllerUid,
  type Controller,
  type ControllerContext,
  controllerRef,
  isPodAvailable,
  isPodReady,
  isTerminating,
  podPhase,
  VersionTally,
} from "./context.ts";
import { admissionInputs, clearRefused, mayCreate, noteRefused, tryCreatePod } from "./pod-create.ts";
import { deletePod } from "./pod-deletion.ts";
import { ensureRevision } from "./revisions.ts";
import { ensureClaims, memberTemplate, ordinalOf, REVISION_LABEL, startOrdinal } from "./statefulset-pods.ts";

const SOURCE = "statefulset-controller";

function describeMember(sts: KObject, verb: string, what: string, ok: boolean): string {
  return `${verb} ${what} in StatefulSet ${sts.metadata.name} ${ok ? "successful" : "failed"}`;
}

/** Running and Ready (and available for minReadySeconds): what OrderedReady waits for. */
function healthy(pod: KObject, minReady: number, now: number): boolean {
  return (
    podPhase(pod) === "Running" &&
    isPodReady(pod) &&
    isPodAvailable(pod, minReady, now) &&
    !isTerminating(pod)
  );
}

/** Creates a member's claims and pod; says whether it changed anything and whether admission refused a create. */
function create(
  ctx: ControllerContext,
  sts: KObject,
  ordinal: number,
  revision: string,
): { changed: boolean; refused: boolean } {
  const { store } = ctx;
  const name = `${sts.metadata.name}-${ordinal}`;
  const claims = ensureClaims(store, sts, ordinal);
  for (const c of claims.created)
    store.event(
      sts,
      "Normal",
      "SuccessfulCreate",
      `create Claim ${c} Pod ${name} in StatefulSet ${sts.metadata.name} success`,
      SOURCE,
    );
  if (claims.error) {
    store.event(
      sts,
      "Warning",
      "FailedCreate",
      `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${claims.error}`,
      SOURCE,
    );
    return { changed: claims.created.length > 0, refused: true };
  }
  const pod = tryCreatePod(
    store,
    sts,
    sts.spec.template,
    "",
    SOURCE,
    memberTemplate(sts, ordinal, revision),
    name,
  );
  if (!pod) return { changed: claims.created.length > 0, refused: true };
  store.event(sts, "Normal", "SuccessfulCreate", describeMember(sts, "create", `Pod ${name}`, true), SOURCE);
  return { changed: true, refused: false };
}

function remove(ctx: ControllerContext, sts: KObject, pod: KObject): void {
  deletePod(ctx, pod);
  ctx.store.event(
    sts,
    "Normal",
    "SuccessfulDelete",
    describeMember(sts, "delete", `Pod ${pod.metadata.name}`, true),
    SOURCE,
  );
}

function syncStatefulSet(ctx: ControllerContext, sts: KObject, owned: KObject[]): boolean {
  const { store } = ctx;
  if (sts.metadata.deletionTimestamp) {
    clearRefused(store, sts);
    return false;
  }
  // The set's inputs as sync starts: a create refused at them is not retried before they change.
  const tally = new VersionTally();
  for (const p of owned) tally.add(p);
  const inputs = `${sts.metadata.resourceVersion}|${tally.key()}|${admissionInputs(store, sts.metadata.namespace ?? "")}`;
  const may = mayCreate(store, sts, inputs);
  let refused = false;
  let changed = false;
  const selector = (sts.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  const rev = ensureRevision(store, sts, selector, "controller.kubernetes.io/hash", (r) =>
    owned.some((p) => p.metadata.labels?.[REVISION_LABEL] === r.metadata.name),
  );
  const update = rev.name;
  const replicas = (sts.spec?.replicas as number | undefined) ?? 1;
  const first = startOrdinal(sts);
  const parallel = sts.spec?.podManagementPolicy === "Parallel";
  const minReady = (sts.spec?.minReadySeconds as number | undefined) ?? 0;
  const byOrdinal = new Map<number, KObject>();
  for (const p of owned) {
    const o = ordinalOf(sts, p);
    if (o !== undefined) byOrdinal.set(o, p);
  }
  // Members in order: create what is missing, replace what failed; OrderedReady waits on each.
  let blocked = false;
  for (let o = first; o < first + replicas && !blocked; o++) {
    const pod = byOrdinal.get(o);
    if (!pod) {
      if (may) {
        const made = create(ctx, sts, o, update);
        if (made.changed) changed = true;
        if (made.refused) refused = true;
      }
      blocked = !parallel;
      continue;
    }
    if (podPhase(pod) === "Failed" && !isTerminating(pod)) {
      remove(ctx, sts, pod);
      changed = true;
      blocked = !parallel;
      continue;
    }
    if (!parallel && !healthy(pod, minReady, store.now)) blocked = true;
  }
  if (refused) noteRefused(store, sts, inputs);
  else if (may) clearRefused(store, sts);
  // Scale down from the highest ordinal, one at a time unless Parallel.
  const condemned = [...byOrdinal.entries()]
    .filter(([o]) => o < first || o >= first + replicas)
    .sort(([a], [b]) => b - a)
    .map(([, p]) => p);
  if (!blocked || parallel) {
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (!parallel) break;
        continue;
      }
      remove(ctx, sts, pod);
      changed = true;
      if (!parallel) break;
    }
  }
  // Rolling update: from the highest ordinal down to the partition, once everything is healthy.
  const strategy = sts.spec?.updateStrategy ?? {};
  const settled = condemned.length === 0 && !blocked;
  if (strategy.type !== "OnDelete" && settled) {
    const partition = (strategy.rollingUpdate?.partition as number | undefined) ?? 0;
    for (let o = first + replicas - 1; o >= first + partition; o--) {
      const pod = byOrdinal.get(o);
      if (!pod || isTerminating(pod)) break;
      if (pod.metadata.labels?.[REVISION_LABEL] === update) {
        if (!healthy(pod, minReady, store.now)) break;
        continue;
      }
      remove(ctx, sts, pod);
      changed = true;
      break;
    }
  }
  return writeStatus(ctx, sts, update, minReady) || changed;
}

function writeStatus(ctx: ControllerContext, sts: KObject, update: string, minReady: number): boolean {
  const { store } = ctx;
  const pods = store
    .each("pods")
    .filter((p) => controllerRef(p)?.uid === sts.metadata.uid && !isTerminating(p));
  const replicas = (sts.spec?.replicas as number | undefined) ?? 1;
  const old = sts.status ?? {};
  let current = (old.currentRevision as string | undefined) ?? update;
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === update);
  const ready = pods.filter(isPodReady).length;
  if (updated.length === replicas && updated.every(isPodReady) && pods.length === replicas) current = update;
  const status: Record<string, unknown> = {
    availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, store.now)).length,
    collisionCount: 0,
    ...(pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === current).length
      ? { currentReplicas: pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === current).length }
      : {}),
    currentRevision: current,
    observedGeneration: sts.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    replicas: pods.length,
    updateRevision: update,
    ...(updated.length ? { updatedReplicas: updated.length } : {}),
  };
  if (sameJson(status, old)) return false;
  sts.status = status;
  store.touch(sts);
  return true;
}

export const statefulSetController: Controller = {
  name: "statefulset",
  watches: [
    "StatefulSet",
    "Pod",
    "ControllerRevision",
    "PersistentVolumeClaim",
    "ResourceQuota",
    "LimitRange",
  ],
  clock: (ctx) =>
    ctx.store.each("statefulsets").some((s) => ((s.spec?.minReadySeconds as number | undefined) ?? 0) > 0),
  sync(ctx) {
    let changed = false;
    if (ctx.store.each("statefulsets").length === 0) return false;
    const byOwner = byControllerUid(ctx.store.each("pods"));
    for (const sts of ctx.store.each("statefulsets"))
      if (syncStatefulSet(ctx, sts, byOwner.get(sts.metadata.uid) ?? [])) changed = true;
    return changed;
  },
  // Pods become available minReadySeconds after they turn ready: the status counts them then.
  wake: (ctx) => availabilityWake(ctx, ctx.store.each("statefulsets")),
};
