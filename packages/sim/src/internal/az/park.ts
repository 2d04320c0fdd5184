// One object store per AKS cluster: the current one lives in ClusterState, the others are parked compactly.

import { bootstrap, CLUSTER_AGE_MS } from "../api/bootstrap.ts";
import { sharedBootstrap } from "../api/bootstrap-cache.ts";
import type { Cluster } from "../api/cluster.ts";
import { makeNode, nodeName } from "../api/nodes.ts";
import type { ClusterState } from "../api/state.ts";
import type { KObject } from "../api/types.ts";
import { fnv32a, Rng } from "../util/rng.ts";
import { diffObjects, patchObjects } from "./diff.ts";
import {
  type AksRecord,
  type AzureState,
  keyOf,
  nodeResourceGroup,
  type ParkedCluster,
  type PoolMember,
  type PoolRecord,
} from "./state.ts";

type Objects = Record<string, Record<string, KObject>>;
type Meta = Pick<ClusterState, "seed" | "profile" | "start">;

/** A node of an AKS pool, identical every time it is built from the same record (uid from its name). */
export function poolNode(r: AksRecord, pool: PoolRecord, m: PoolMember): KObject {
  const node = makeNode({
    pool: pool.name,
    clusterId: r.clusterId,
    index: m[0],
    vmSize: pool.vmSize,
    ordinal: m[1],
    createdAt: m[3],
    mode: pool.mode,
    location: r.location,
    nodeResourceGroup: nodeResourceGroup(r),
    kubeletVersion: `v${r.version}`,
  });
  node.metadata.uid = new Rng(fnv32a(`${r.clusterId}/${node.metadata.name}`)).uuid();
  node.metadata.resourceVersion = String(m[2]);
  return node;
}

/**
 * A cluster's objects as AKS first made them: the bootstrap cluster's (from the session seed), or
 * for an `az aks create`d one the built-in namespaces, ConfigMaps and Service from its own seed;
 * plus a Node for every pool member az added (rv > 0). Deterministic in the record, so a parked or
 * saved cluster only keeps what changed since. `fresh`: objects of its own, to run; otherwise
 * shared frozen ones, only to diff against.
 */
export function baselineObjects(meta: Meta, r: AksRecord, fresh = true): Objects {
  const build = fresh ? bootstrap : sharedBootstrap;
  const base =
    r.seed === undefined
      ? build(meta).objects
      : build({
          seed: r.seed,
          profile: meta.profile,
          start: r.created + CLUSTER_AGE_MS,
          nodeCount: 0,
        }).objects;
  // The shared maps stay as they are: a new top level and node map take the pool's nodes.
  const objects = fresh ? base : { ...base };
  const nodes = fresh ? (objects.nodes ?? {}) : { ...(objects.nodes ?? {}) };
  objects.nodes = nodes;
  for (const pool of r.pools)
    for (const m of pool.members) {
      if (m[2] === 0) continue;
      const node = poolNode(r, pool, m);
      nodes[node.metadata.name] = node;
    }
  return objects;
}

export function activeRecord(az: AzureState): AksRecord | undefined {
  return az.clusters.find((c) => keyOf(c) === az.active);
}

/**
 * The baseline of the cluster whose objects are in the state (the bootstrap's before any az
 * command). `fresh`: objects of its own, to run; otherwise shared frozen ones, only to read.
 */
export function activeBaseline(state: Meta & { azure?: AzureState | undefined }, fresh = true): Objects {
  const r = state.azure ? activeRecord(state.azure) : undefined;
  if (r) return baselineObjects(state, r, fresh);
  const meta = { seed: state.seed, profile: state.profile, start: state.start };
  return fresh ? bootstrap(meta).objects : sharedBootstrap(meta).objects;
}

/** A cluster nobody has used yet: nothing differs from its baseline. */
export function emptyParked(at: number): ParkedCluster {
  return { at, objects: {}, gone: [], pods: {}, images: {}, ipam: {}, events: [], timers: {} };
}

/** Moves the per-cluster part of the state into `r.parked`, compactly. */
function park(state: ClusterState, r: AksRecord): void {
  const { objects, gone } = diffObjects(state.objects, baselineObjects(state, r, false));
  const { pods, images, ipam, events, timers, metrics, nodeRuntime, refused } = state;
  r.parked = {
    at: state.now,
    objects,
    gone,
    pods,
    images,
    ipam,
    events,
    timers,
    ...(metrics ? { metrics } : {}),
    ...(nodeRuntime ? { nodeRuntime } : {}),
    ...(refused ? { refused } : {}),
  };
}

/** Puts a parked cluster's objects and bookkeeping back into the state; returns when it was parked. */
function unpark(state: ClusterState, r: AksRecord): number {
  const p = r.parked ?? emptyParked(state.now);
  state.objects = patchObjects(baselineObjects(state, r), p.objects, p.gone);
  state.pods = p.pods;
  state.images = p.images;
  state.ipam = p.ipam;
  state.events = p.events;
  state.timers = p.timers;
  if (p.metrics) state.metrics = p.metrics;
  else delete state.metrics;
  if (p.nodeRuntime) state.nodeRuntime = p.nodeRuntime;
  else delete state.nodeRuntime;
  if (p.refused) state.refused = p.refused;
  else delete state.refused;
  state.clusterId = r.clusterId;
  delete r.parked;
  return p.at;
}

/**
 * Makes `r` the cluster kubectl talks to (a no-op when it already is). A parked cluster did not
 * run while parked, so it replays the time since: its clock goes back to when it was parked and
 * advances to now, every timed transition on the way happening in order (pods it was starting
 * are Running, as they would be on a real cluster).
 */
export function activate(cluster: Cluster, az: AzureState, r: AksRecord): void {
  if (keyOf(r) === az.active) return;
  const current = activeRecord(az);
  if (current) park(cluster.state, current);
  const now = cluster.state.now;
  const parkedAt = unpark(cluster.state, r);
  az.active = keyOf(r);
  cluster.state.now = Math.min(parkedAt, now);
  cluster.invalidate();
  cluster.advanceTo(now);
}

/** Runs `fn` with `r` as the current cluster, then switches back to whichever was current. */
export function withCluster<T>(cluster: Cluster, az: AzureState, r: AksRecord, fn: () => T): T {
  const before = activeRecord(az);
  activate(cluster, az, r);
  try {
    return fn();
  } finally {
    if (before && az.clusters.includes(before)) activate(cluster, az, before);
  }
}

/** Name of a pool member's Node. */
export function memberNodeName(r: AksRecord, pool: PoolRecord, m: PoolMember): string {
  return nodeName(pool.name, r.clusterId, m[0]);
}
