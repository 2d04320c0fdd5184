// What every controller gets: the store, the lifecycle profile and helpers shared between them.

import type { Store } from "../api/store.ts";
import type { KObject, OwnerReference } from "../api/types.ts";
import type { Profile } from "../data/profiles.ts";

export interface ControllerContext {
  store: Store;
  profile: Profile;
}

/**
 * A level-triggered reconciler: `sync` compares desired and observed state and acts, returning
 * whether it changed anything; `wake` names the next virtual time at which it has timed work.
 */
export interface Controller {
  name: string;
  sync(ctx: ControllerContext): boolean;
  wake?(ctx: ControllerContext): number | undefined;
}

export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function ownerRefTo(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isTerminating(obj: KObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}

export function podPhase(pod: KObject): string {
  return (pod.status?.phase as string | undefined) ?? "Pending";
}

/** A pod that counts toward its controller: not finished and not being deleted. */
export function isActivePod(pod: KObject): boolean {
  const phase = podPhase(pod);
  return phase !== "Succeeded" && phase !== "Failed" && !isTerminating(pod);
}

export function condition(obj: KObject, type: string): { status: string; lastTransitionTime?: string } | undefined {
  const list = obj.status?.conditions as { type: string; status: string; lastTransitionTime?: string }[] | undefined;
  return list?.find((c) => c.type === type);
}

export function isPodReady(pod: KObject): boolean {
  return condition(pod, "Ready")?.status === "True";
}

/** Ready for at least minReadySeconds at `now`. */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const c = condition(pod, "Ready");
  if (c?.status !== "True") return false;
  if (minReadySeconds <= 0) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : now;
  return now - since >= minReadySeconds * 1000;
}

/** Earliest of several optional times. */
export function earliest(...times: (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const t of times) if (t !== undefined && (best === undefined || t < best)) best = t;
  return best;
}
