// The object store with the API server's bookkeeping: uids, resourceVersions, generations, events.

import { sameJson } from "../util/canonical.ts";
import { Rng } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import { EVENT_TTL_MS, EVENTS_PER_NAMESPACE, type EventRecord, type InvolvedObject } from "./events.ts";
import { apiVersionOf, type ResourceInfo, resourceForKind } from "./resources.ts";
import type { ClusterState } from "./state.ts";
import type { KObject } from "./types.ts";

/** Store key of an object inside its resource map. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * Reads and writes the cluster's objects the way the API server would, so that controllers and
 * commands never touch `state.objects` directly.
 */
export class Store {
  readonly rng: Rng;
  /** Last resourceVersion written per kind (in memory only): controllers skip kinds that did not change. */
  private readonly kindVersions = new Map<string, number>();

  constructor(readonly state: ClusterState) {
    this.rng = new Rng(state.rng);
  }

  get now(): number {
    return this.state.now;
  }

  /** Writes the RNG position back into the state (call before serialising). */
  sync(): void {
    this.state.rng = this.rng.state;
  }

  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.state.objects[resource]?.[objectKey(namespace, name)];
  }

  /** Sorted lists per resource, valid while no object of it was added, replaced or removed. */
  private readonly sorted = new Map<string, { version: number; list: KObject[] }>();
  private readonly membership = new Map<string, number>();

  private changedMembership(resource: string): void {
    this.membership.set(resource, (this.membership.get(resource) ?? 0) + 1);
  }

  /** Forgets cached lists after `state.objects` was swapped for another cluster's (az aks get-credentials). */
  invalidate(): void {
    this.sorted.clear();
    for (const resource of new Set([...this.membership.keys(), ...Object.keys(this.state.objects)]))
      this.changedMembership(resource);
  }

  /** A number that changes whenever an object of `resource` is added, replaced or removed (not on status writes). */
  membershipVersion(resource: string): number {
    return this.membership.get(resource) ?? 0;
  }

  /** The shared, sorted array of a resource's objects (do not modify it). */
  private sortedAll(resource: string): readonly KObject[] {
    const all = this.state.objects[resource];
    if (!all) return [];
    const version = this.membership.get(resource) ?? 0;
    let cached = this.sorted.get(resource);
    if (!cached || cached.version !== version) {
      cached = { version, list: Object.values(all).sort(compareObjects) };
      this.sorted.set(resource, cached);
    }
    return cached.list;
  }

  /** Objects of a resource, optionally in one namespace, sorted by namespace then name (as the API lists). */
  list(resource: string, namespace?: string): KObject[] {
    const all = this.sortedAll(resource);
    if (namespace === undefined) return [...all];
    return all.filter((o) => o.metadata.namespace === namespace);
  }

  /** Unsorted iteration over a resource (for controllers, where order does not show). */
  each(resource: string): readonly KObject[] {
    return this.sortedAll(resource);
  }

  count(resource: string): number {
    const all = this.state.objects[resource];
    return all ? Object.keys(all).length : 0;
  }

  nextResourceVersion(): string {
    this.state.rv += 1;
    return String(this.state.rv);
  }

  /** A number that changes whenever an object of `kind` is created, changed or removed. */
  kindVersion(kind: string): number {
    return this.kindVersions.get(kind) ?? -1;
  }

  private bump(kind: string): void {
    this.kindVersions.set(kind, this.state.rv);
  }

  /**
   * Stores a new object: fills in uid, resourceVersion, creationTimestamp and generation as the API
   * server does. The caller has validated and defaulted it.
   */
  create(info: ResourceInfo, obj: KObject): KObject {
    const meta = obj.metadata;
    meta.uid = this.rng.uuid();
    meta.resourceVersion = this.nextResourceVersion();
    meta.creationTimestamp = isoSeconds(this.now);
    if (obj.spec !== undefined && hasGeneration(info)) meta.generation = 1;
    obj.apiVersion = obj.apiVersion || apiVersionOf(info);
    let bucket = this.state.objects[info.resource];
    if (!bucket) {
      bucket = {};
      this.state.objects[info.resource] = bucket;
    }
    bucket[objectKey(meta.namespace, meta.name)] = obj;
    this.bump(obj.kind);
    this.changedMembership(info.resource);
    return obj;
  }

  /**
   * Replaces a stored object with a new version. The generation increases when the spec changed,
   * as it does for every kind with a spec/status split.
   */
  update(info: ResourceInfo, obj: KObject, previous: KObject): KObject {
    obj.metadata.uid = previous.metadata.uid;
    obj.metadata.creationTimestamp = previous.metadata.creationTimestamp;
    if (hasGeneration(info) && obj.spec !== undefined) {
      const changed = !sameJson(obj.spec, previous.spec);
      obj.metadata.generation = (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
    }
    obj.metadata.resourceVersion = this.nextResourceVersion();
    const bucket = this.state.objects[info.resource];
    if (bucket) bucket[objectKey(obj.metadata.namespace, obj.metadata.name)] = obj;
    this.bump(obj.kind);
    this.changedMembership(info.resource);
    return obj;
  }

  /** Marks an object changed in place (status or metadata written by a controller). */
  touch(obj: KObject): void {
    obj.metadata.resourceVersion = this.nextResourceVersion();
    this.bump(obj.kind);
  }

  /** Removes an object at once (finalisation done). */
  remove(resource: string, obj: KObject): void {
    const bucket = this.state.objects[resource];
    if (bucket) delete bucket[objectKey(obj.metadata.namespace, obj.metadata.name)];
    if (resource === "pods") delete this.state.pods[obj.metadata.uid];
    this.changedMembership(resource);
    this.state.rv += 1;
    this.bump(obj.kind);
  }

  /** Finds any object by uid (for owner references); linear, so controllers cache what they need. */
  byUid(kind: string, namespace: string | undefined, uid: string): KObject | undefined {
    const info = resourceForKind(kind);
    if (!info) return undefined;
    for (const o of this.each(info.resource)) {
      if (o.metadata.uid === uid && (!info.namespaced || o.metadata.namespace === namespace)) return o;
    }
    return undefined;
  }

  /**
   * Records an event, folding a repeat of the same (object, type, reason, message, source) into
   * the existing one by bumping its count, as client-go's event correlator does.
   */
  event(
    obj: KObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: string,
    extra?: { fieldPath?: string; host?: string },
  ): EventRecord {
    const ns = obj.metadata.namespace ?? "default";
    const involved: InvolvedObject = {
      kind: obj.kind,
      namespace: ns,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      ...(extra?.fieldPath ? { fieldPath: extra.fieldPath } : {}),
    };
    const key = eventKey(involved.uid, type, reason, message, source, involved.fieldPath);
    const seen = this.eventIndex().get(key);
    if (seen) {
      // A repeat folds into the existing event, as client-go's correlator does.
      seen.count += 1;
      seen.last = this.now;
      // The most recently seen event goes last, so that events of the same second keep the order
      // in which they last happened.
      const events = this.state.events;
      const at = events.lastIndexOf(seen);
      if (at >= 0 && at !== events.length - 1) {
        events.splice(at, 1);
        events.push(seen);
      }
      return seen;
    }
    const record: EventRecord = {
      name: `${obj.metadata.name}.${eventSuffix(this.now, this.state.rv)}`,
      type,
      reason,
      message,
      source,
      involved,
      first: this.now,
      last: this.now,
      count: 1,
      ...(extra?.host ? { host: extra.host } : {}),
    };
    this.state.rv += 1;
    const stats = this.eventStats;
    if (stats?.events === this.state.events) {
      stats.perNs.set(ns, (stats.perNs.get(ns) ?? 0) + 1);
      if (record.last < stats.minLast) stats.minLast = record.last;
    }
    this.state.events.push(record);
    this.eventIndex().set(key, record);
    return record;
  }

  /** Events by correlation key, rebuilt whenever the events array was replaced (restore, prune). */
  private eventIndexCache: { events: EventRecord[]; map: Map<string, EventRecord> } | undefined;

  private eventIndex(): Map<string, EventRecord> {
    const events = this.state.events;
    if (this.eventIndexCache?.events !== events) {
      const map = new Map<string, EventRecord>();
      for (const e of events)
        map.set(eventKey(e.involved.uid, e.type, e.reason, e.message, e.source, e.involved.fieldPath), e);
      this.eventIndexCache = { events, map };
    }
    return this.eventIndexCache.map;
  }

  /**
   * Per events array: how many events each namespace has and a lower bound of their `last` times
   * (folding a repeat only raises `last`), kept up to date by `event()`, so that the check after
   * every reconcile does not walk all events. Rebuilt when the array was replaced.
   */
  private eventStats: { events: EventRecord[]; perNs: Map<string, number>; minLast: number } | undefined;

  private statsOfEvents(): { events: EventRecord[]; perNs: Map<string, number>; minLast: number } {
    const events = this.state.events;
    if (this.eventStats?.events !== events) {
      const perNs = new Map<string, number>();
      let minLast = Number.POSITIVE_INFINITY;
      for (const e of events) {
        perNs.set(e.involved.namespace, (perNs.get(e.involved.namespace) ?? 0) + 1);
        if (e.last < minLast) minLast = e.last;
      }
      this.eventStats = { events, perNs, minLast };
    }
    return this.eventStats;
  }

  /**
   * A time at or before which the oldest event has expired (a lower bound: `pruneEvents` at that
   * time tightens it when nothing was due), or undefined when there are no events. An event lives
   * through `last + EVENT_TTL_MS` and is gone a millisecond later.
   */
  eventsExpireAt(): number | undefined {
    const min = this.statsOfEvents().minLast;
    return Number.isFinite(min) ? min + EVENT_TTL_MS + 1 : undefined;
  }

  /**
   * Drops events older than the TTL and keeps each namespace within its budget. The array is
   * compacted in place (as `event()` already moves repeats within it), which keeps the counts and
   * the correlation index valid without rebuilding them.
   */
  pruneEvents(): void {
    const cutoff = this.now - EVENT_TTL_MS;
    const events = this.state.events;
    const stats = this.statsOfEvents();
    const perNs = stats.perNs;
    const maybeExpired = stats.minLast < cutoff;
    let over = false;
    for (const n of perNs.values()) if (n > EVENTS_PER_NAMESPACE) over = true;
    if (!maybeExpired && !over) return;
    const drop = new Set<EventRecord>();
    /** Where the few events picked one by one sit (the sorted path and expiry do not fill it). */
    const dropAt: number[] = [];
    /** The oldest `last` among the events that stay (or a lower bound of it). */
    let liveMin = Number.POSITIVE_INFINITY;
    if (maybeExpired) {
      for (const e of events) {
        if (e.last >= cutoff) {
          if (e.last < liveMin) liveMin = e.last;
          continue;
        }
        drop.add(e);
        perNs.set(e.involved.namespace, (perNs.get(e.involved.namespace) ?? 0) - 1);
      }
    }
    // Keep the most recently seen events of each namespace: a stable sort by time, latest first,
    // ranks them (on equal times the earlier one wins) and the tail beyond the budget goes.
    for (const [ns, n] of perNs) {
      if (n <= EVENTS_PER_NAMESPACE) continue;
      const excess = n - EVENTS_PER_NAMESPACE;
      if (excess <= 8) {
        // Usually one or two new events pushed a namespace over: pick the tail one at a time, the
        // oldest `last` and, among equal ones, the latest in the array (where the sort puts it).
        for (let k = 0; k < excess; k++) {
          let worst: EventRecord | undefined;
          let at = -1;
          for (let i = 0; i < events.length; i++) {
            const e = events[i] as EventRecord;
            if (e.involved.namespace !== ns || e.last < cutoff || (k > 0 && drop.has(e))) continue;
            if (worst === undefined || e.last <= worst.last) {
              worst = e;
              at = i;
            }
          }
          if (worst === undefined) break;
          drop.add(worst);
          dropAt.push(at);
        }
      } else {
        const ranked = events
          .filter((e) => e.involved.namespace === ns && e.last >= cutoff)
          .sort((a, b) => b.last - a.last);
        for (let i = EVENTS_PER_NAMESPACE; i < ranked.length; i++) drop.add(ranked[i] as EventRecord);
      }
      perNs.set(ns, EVENTS_PER_NAMESPACE);
    }
    let minLast = Number.POSITIVE_INFINITY;
    if (drop.size === 0) {
      // The lower bound of `last` was stale: nothing expired after all.
      for (const e of events) if (e.last < minLast) minLast = e.last;
      stats.minLast = minLast;
      return;
    }
    if (dropAt.length === drop.size) {
      // Only a few picked events go: cut them out where they are. Removing events cannot lower the
      // oldest `last`, so the bound stays valid.
      for (const i of dropAt.sort((a, b) => b - a)) events.splice(i, 1);
      if (maybeExpired) stats.minLast = liveMin;
    } else {
      let kept = 0;
      for (let i = 0; i < events.length; i++) {
        const e = events[i] as EventRecord;
        if (drop.has(e)) continue;
        events[kept++] = e;
        if (e.last < minLast) minLast = e.last;
      }
      events.length = kept;
      stats.minLast = minLast;
    }
    for (const [ns, n] of perNs) if (n <= 0) perNs.delete(ns);
    if (this.eventIndexCache?.events === events) {
      const index = this.eventIndexCache.map;
      for (const e of drop) {
        const key = eventKey(e.involved.uid, e.type, e.reason, e.message, e.source, e.involved.fieldPath);
        if (index.get(key) === e) index.delete(key);
      }
    }
  }

  eventsFor(uid: string): EventRecord[] {
    return this.state.events.filter((e) => e.involved.uid === uid);
  }
}

function hasGeneration(info: ResourceInfo): boolean {
  return ![
    "pods",
    "services",
    "endpoints",
    "configmaps",
    "secrets",
    "namespaces",
    "nodes",
    "events",
    "resourcequotas",
    "limitranges",
    "persistentvolumeclaims",
    "persistentvolumes",
    "storageclasses",
    "serviceaccounts",
    "controllerrevisions",
  ].includes(info.resource);
}

function compareObjects(a: KObject, b: KObject): number {
  const an = a.metadata.namespace ?? "";
  const bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** Event names end in the event time in nanoseconds as hex, like client-go's recorder. */
function eventSuffix(now: number, salt: number): string {
  const nanos = BigInt(now) * 1_000_000n + BigInt(salt % 1_000_000);
  return nanos.toString(16).padStart(16, "0");
}

function eventKey(
  uid: string,
  type: string,
  reason: string,
  message: string,
  source: string,
  fieldPath: string | undefined,
): string {
  return `${uid}\u0000${type}\u0000${reason}\u0000${source}\u0000${fieldPath ?? ""}\u0000${message}`;
}
