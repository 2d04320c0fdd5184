// PersistentVolumeClaim binding: static volumes, dynamic provisioning by the class's CSI driver, reclaim.

import type { KObject } from "../api/types.ts";
import { fnv32a, Rng, safeEncode } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import type { Controller, ControllerContext } from "./context.ts";
import { storageDelay } from "./volume-timings.ts";
import { bind, matchingVolume, provisionVolume } from "./volumes-bind.ts";

const SOURCE = "persistentvolume-controller";
export const SELECTED_NODE = "volume.kubernetes.io/selected-node";

/** Records an event unless the object already carries the same one (the controller re-syncs often). */
function once(
  ctx: ControllerContext,
  obj: KObject,
  type: "Normal" | "Warning",
  reason: string,
  msg: string,
  source = SOURCE,
): boolean {
  if (ctx.store.eventsFor(obj.metadata.uid).some((e) => e.reason === reason && e.message === msg))
    return false;
  ctx.store.event(obj, type, reason, msg, source);
  return true;
}

/**
 * The CSI provisioner's event source, `<driver>_<controller pod>_<identity>` as external-provisioner
 * names itself; fixed per cluster, derived from its id so it costs no random draws.
 */
function provisionerSource(ctx: ControllerContext, driver: string): string {
  const id = ctx.store.state.clusterId;
  const kind = driver.startsWith("disk") ? "azuredisk" : "azurefile";
  const rs = safeEncode(String(fnv32a(`${kind}:${id}`)));
  const pod = safeEncode(String(fnv32a(`${kind}:pod:${id}`))).slice(0, 5);
  return `${driver}_csi-${kind}-controller-${rs}-${pod}_${new Rng(fnv32a(`${kind}:identity:${id}`)).uuid()}`;
}

function timerKey(pvc: KObject): string {
  return `provision:${pvc.metadata.uid}`;
}

function syncClaim(ctx: ControllerContext, pvc: KObject): boolean {
  const { store } = ctx;
  if (pvc.metadata.deletionTimestamp) return false;
  if (pvc.spec?.volumeName) {
    const pv = store.get("persistentvolumes", undefined, pvc.spec.volumeName as string);
    if (pv && pvc.status?.phase !== "Bound") {
      bind(store, pvc, pv, false);
      return true;
    }
    if (!pv && pvc.status?.phase === "Bound") {
      pvc.status = { ...pvc.status, phase: "Lost" };
      store.touch(pvc);
      once(
        ctx,
        pvc,
        "Warning",
        "ClaimLost",
        "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
      );
      return true;
    }
    return false;
  }
  const static_ = matchingVolume(store, pvc);
  const clsName = (pvc.spec?.storageClassName as string | undefined) ?? "";
  const cls = clsName ? store.get("storageclasses", undefined, clsName) : undefined;
  const waits = cls?.volumeBindingMode === "WaitForFirstConsumer";
  const selected = pvc.metadata.annotations?.[SELECTED_NODE];
  if (static_ && (!waits || selected)) {
    bind(store, pvc, static_, true);
    return true;
  }
  if (!clsName) {
    return once(
      ctx,
      pvc,
      "Normal",
      "FailedBinding",
      "no persistent volumes available for this claim and no storage class is set",
    );
  }
  if (!cls) {
    return once(
      ctx,
      pvc,
      "Warning",
      "ProvisioningFailed",
      `storageclass.storage.k8s.io "${clsName}" not found`,
    );
  }
  if (waits && !selected) {
    return once(
      ctx,
      pvc,
      "Normal",
      "WaitForFirstConsumer",
      "waiting for first consumer to be created before binding",
    );
  }
  const driver = cls.provisioner as string;
  const key = timerKey(pvc);
  const due = store.state.timers[key];
  if (due === undefined) {
    pvc.metadata.annotations = {
      ...(pvc.metadata.annotations ?? {}),
      "volume.beta.kubernetes.io/storage-provisioner": driver,
      "volume.kubernetes.io/storage-provisioner": driver,
    };
    store.touch(pvc);
    store.event(
      pvc,
      "Normal",
      "ExternalProvisioning",
      `Waiting for a volume to be created either by the external provisioner '${driver}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    store.event(
      pvc,
      "Normal",
      "Provisioning",
      `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`,
      provisionerSource(ctx, driver),
    );
    store.state.timers[key] =
      store.now + storageDelay(ctx, driver.startsWith("file") ? "fileProvision" : "diskProvision");
    return true;
  }
  if (store.now < due) return false;
  delete store.state.timers[key];
  const pv = provisionVolume(store, pvc, cls);
  store.event(
    pvc,
    "Normal",
    "ProvisioningSucceeded",
    `Successfully provisioned volume ${pv.metadata.name}`,
    provisionerSource(ctx, driver),
  );
  bind(store, pvc, pv, false);
  return true;
}

/** Volumes: user-created ones become Available; released ones are deleted or kept as the reclaim policy says. */
function syncVolume(ctx: ControllerContext, pv: KObject): boolean {
  const { store } = ctx;
  const phase = pv.status?.phase as string | undefined;
  const ref = pv.spec?.claimRef as { name?: string; namespace?: string; uid?: string } | undefined;
  if (phase === "Pending" || phase === undefined) {
    if (ref?.uid) return false;
    pv.status = { lastPhaseTransitionTime: isoSeconds(store.now), phase: "Available" };
    store.touch(pv);
    return true;
  }
  if (phase !== "Bound" || !ref) return false;
  const claim = store.get("persistentvolumeclaims", ref.namespace, ref.name ?? "");
  if (claim && claim.metadata.uid === ref.uid) return false;
  if (pv.spec?.persistentVolumeReclaimPolicy === "Delete") {
    const key = `reclaim:${pv.metadata.uid}`;
    const due = store.state.timers[key];
    if (due === undefined) {
      store.state.timers[key] = store.now + storageDelay(ctx, "reclaim");
      pv.status = { lastPhaseTransitionTime: isoSeconds(store.now), phase: "Released" };
      store.touch(pv);
      return true;
    }
    return false;
  }
  pv.status = { lastPhaseTransitionTime: isoSeconds(store.now), phase: "Released" };
  store.touch(pv);
  return true;
}

function reclaimDue(ctx: ControllerContext): boolean {
  const { store } = ctx;
  let changed = false;
  for (const pv of store.each("persistentvolumes")) {
    const key = `reclaim:${pv.metadata.uid}`;
    const due = store.state.timers[key];
    if (due !== undefined && store.now >= due) {
      delete store.state.timers[key];
      store.remove("persistentvolumes", pv);
      changed = true;
    }
  }
  return changed;
}

export const volumeController: Controller = {
  name: "persistentvolume-binder",
  watches: ["PersistentVolumeClaim", "PersistentVolume", "StorageClass"],
  // Timed provisioning and reclaim; and a claim not bound yet, whose event (recorded `once`) must be
  // recorded again when the old one expires, as the binder keeps reporting while the claim waits.
  clock: (ctx) =>
    Object.keys(ctx.store.state.timers).some((k) => k.startsWith("provision:") || k.startsWith("reclaim:")) ||
    ctx.store.each("persistentvolumeclaims").some((c) => c.status?.phase !== "Bound"),
  sync(ctx) {
    let changed = false;
    const claims = new Set(ctx.store.each("persistentvolumeclaims").map((c) => c.metadata.uid));
    for (const k of Object.keys(ctx.store.state.timers))
      if (k.startsWith("provision:") && !claims.has(k.slice(10))) delete ctx.store.state.timers[k];
    for (const pv of ctx.store.each("persistentvolumes")) if (syncVolume(ctx, pv)) changed = true;
    if (reclaimDue(ctx)) changed = true;
    for (const pvc of ctx.store.each("persistentvolumeclaims")) if (syncClaim(ctx, pvc)) changed = true;
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    for (const [k, t] of Object.entries(ctx.store.state.timers)) {
      if (!k.startsWith("provision:") && !k.startsWith("reclaim:")) continue;
      if (next === undefined || t < next) next = t;
    }
    return next;
  },
};
