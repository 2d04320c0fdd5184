// What every controller gets: the store, the lifecycle profile and helpers shared between them.

import type { Store } from "../api/store.ts";
import type { KObject, OwnerReference } from "../api/types.ts";
import type { Profile } from "../data/profiles.ts";
import { parseTimestamp } from "../util/time.ts";
import type { Timings } from "./timings.ts";

export interface ControllerContext {
  store: Store;
  profile: Profile;
  /** Delays from the profile, jittered with the store's RNG. */
  timings: Timings;
}

/**
 * A level-triggered reconciler: `sync` compares desired and observed state and acts, returning
 * whether it changed anything; `wake` names the next virtual time at which it has timed work.
 */
export interface Controller {
  name: string;
  /**
   * Kinds whose objects this controller reads. When none of them changed (and, for `clock`
   * controllers, time did not move) since a sync that changed nothing, the sync is skipped.
   * Omitted: always run.
   */
  watches?: readonly string[];
  /** Whether the controller's decisions depend on the virtual time (now, or given the state). */
  clock?: boolean | ((ctx: ControllerContext) => boolean);
  /** Resources whose membership (objects added, replaced, removed), not content, this controller reads. */
  membership?: readonly string[];
  sync(ctx: ControllerContext): boolean;
  wake?(ctx: ControllerContext): number | undefined;
  /**
   * Whether a sync could change something at any moment, not only at the times `wake` names: work
   * the controller catches up on lazily, whenever it runs (probe ticks counted into events). While
   * it does, the clock never moves without a reconcile pass (`Cluster.advanceTo`).
   */
  catchesUp?(ctx: ControllerContext): boolean;
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

export function condition(
  obj: KObject,
  type: string,
): { status: string; lastTransitionTime?: string } | undefined {
  const list = obj.status?.conditions as
    | { type: string; status: string; lastTransitionTime?: string }[]
    | undefined;
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
  const since = c.lastTransitionTime ? parseTimestamp(c.lastTransitionTime) : now;
  return now - since >= minReadySeconds * 1000;
}

/**
 * The next time after now at which a ready pod of one of `owners` (by controller reference) has been
 * ready for its owner's `minReadySeconds` and so becomes available (see isPodAvailable).
 */
export function availabilityWake(ctx: ControllerContext, owners: readonly KObject[]): number | undefined {
  const min = new Map<string, number>();
  for (const o of owners) {
    const s = (o.spec?.minReadySeconds as number | undefined) ?? 0;
    if (s > 0) min.set(o.metadata.uid, s);
  }
  if (min.size === 0) return undefined;
  let next: number | undefined;
  for (const pod of ctx.store.each("pods")) {
    const s = min.get(controllerRef(pod)?.uid ?? "");
    const c = s === undefined ? undefined : condition(pod, "Ready");
    if (s === undefined || c?.status !== "True" || !c.lastTransitionTime) continue;
    const t = parseTimestamp(c.lastTransitionTime) + s * 1000;
    if (t > ctx.store.now) next = earlier(next, t);
  }
  return next;
}

/** The earlier of two optional times (earliest() without the rest-array, for per-pod loops). */
export function earlier(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  return a === undefined || b < a ? b : a;
}

/** Earliest of several optional times. */
export function earliest(...times: (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const t of times) if (t !== undefined && (best === undefined || t < best)) best = t;
  return best;
}

/**
 * Remembers, per object, the inputs of its last sync that changed nothing, so that an unchanged
 * object is not reconciled again: the per-object form of a controller's `watches`.
 */
export class QuietObjects {
  private readonly keys = new WeakMap<KObject, string>();

  /**
   * Runs `sync` unless `key` equals the key of the object's last settled sync. A sync that changed
   * nothing settles at `key`; one that changed something settles at `after()` when given — for
   * syncs that finish their work in one go, so that running them again on the inputs they just
   * wrote would change nothing (saves the confirming pass).
   */
  run(obj: KObject, key: string, sync: () => boolean, after?: () => string): boolean {
    if (this.keys.get(obj) === key) return false;
    const changed = sync();
    this.settle(obj, key, changed, changed && after ? after() : undefined);
    return changed;
  }

  /** Whether the object's last settled sync had this key (run's check, for callers without closures). */
  settled(obj: KObject, key: string): boolean {
    return this.keys.get(obj) === key;
  }

  /** Records a sync run at `key`: as `run` does, with `after` the key it settles at when it changed something. */
  settle(obj: KObject, key: string, changed: boolean, after?: string): void {
    if (!changed) this.keys.set(obj, key);
    else if (after !== undefined) this.keys.set(obj, after);
    else this.keys.delete(obj);
  }
}

/** Groups objects by their controller's uid. */
export function byControllerUid(objs: Iterable<KObject>): Map<string, KObject[]> {
  const map = new Map<string, KObject[]>();
  for (const o of objs) {
    const uid = controllerRef(o)?.uid ?? "";
    const list = map.get(uid);
    if (list) list.push(o);
    else map.set(uid, [o]);
  }
  return map;
}

/**
 * Change keys for groups of objects (a ReplicaSet's pods, a Service's pods) that take no string
 * of every member: a group's key is its size and its highest resourceVersion. resourceVersions
 * come from one growing counter, so any member that was created or written since (and any object
 * that joined, which joining takes a write) raises the highest; a group that only lost members got
 * smaller. Equal keys therefore mean the same members at the same versions. (A resourceVersion that
 * is not a number — none is — is listed in full.)
 */
export class VersionGroups {
  private readonly groups = new Map<string, VersionTally>();

  add(group: string, obj: KObject): void {
    let g = this.groups.get(group);
    if (!g) {
      g = new VersionTally();
      this.groups.set(group, g);
    }
    g.add(obj);
  }

  /** The group's key ("" for an empty group). */
  key(group: string): string {
    return this.groups.get(group)?.key() ?? "";
  }
}

/** One group of {@link VersionGroups}: its size, its highest resourceVersion and any odd ones. */
export class VersionTally {
  private n = 0;
  private max = -1;
  private odd = "";

  add(obj: KObject): void {
    this.n++;
    const rv = obj.metadata.resourceVersion;
    const v = Number(rv);
    if (Number.isSafeInteger(v) && rv !== "") {
      if (v > this.max) this.max = v;
    } else this.odd += `,${rv}`;
  }

  /** "" while empty. */
  key(): string {
    return this.n === 0 ? "" : `${this.n}:${this.max}${this.odd}`;
  }
}

/** Pods grouped by namespace, cached per pod list (the shared sorted array changes with membership). */
export function podsByNamespace(ctx: ControllerContext): Map<string, KObject[]> {
  const pods = ctx.store.each("pods");
  const hit = podGroups.get(pods);
  if (hit) return hit;
  const map = new Map<string, KObject[]>();
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? "";
    const list = map.get(ns);
    if (list) list.push(pod);
    else map.set(ns, [pod]);
  }
  podGroups.set(pods, map);
  return map;
}

/** Callers only read the groups (never add to the lists). */
const podGroups = new WeakMap<readonly KObject[], Map<string, KObject[]>>();
