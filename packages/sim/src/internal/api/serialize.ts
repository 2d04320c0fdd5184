// Compact session storage: only what differs from the deterministic starting cluster is written.

import { z } from "zod";
import { bootstrap } from "./bootstrap.ts";
import type { ClusterState } from "./state.ts";
import type { KObject } from "./types.ts";

/**
 * The stored form. Objects identical to the bootstrap cluster's (same uid and resourceVersion) are
 * left out and rebuilt from the seed on load; `gone` lists bootstrap objects that were deleted.
 * A fresh session is therefore a few hundred bytes, not the kilobytes its nodes take.
 */
export interface StoredCluster extends Omit<ClusterState, "objects" | "kubeconfig"> {
  objects: Record<string, Record<string, KObject>>;
  gone: string[];
  kubeconfig?: ClusterState["kubeconfig"];
}

const storedSchema = z
  .object({
    v: z.literal(1),
    seed: z.number().int(),
    profile: z.string(),
    start: z.number(),
    now: z.number(),
    rng: z.number().int(),
    rv: z.number().int(),
    clusterId: z.string(),
    objects: z.record(z.string(), z.record(z.string(), z.any())),
    gone: z.array(z.string()),
    pods: z.record(z.string(), z.any()),
    images: z.record(z.string(), z.array(z.string())),
    ipam: z.record(z.string(), z.number()),
    events: z.array(z.any()),
    timers: z.record(z.string(), z.number()),
    kubeconfig: z.any().optional(),
    azure: z.any().optional(),
    metrics: z.record(z.string(), z.unknown()).optional(),
    nodeRuntime: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

function baselineOf(seed: number, profile: string, start: number): ClusterState {
  return bootstrap({ seed, profile, start });
}

export function toStored(state: ClusterState): StoredCluster {
  const base = baselineOf(state.seed, state.profile, state.start);
  const objects: Record<string, Record<string, KObject>> = {};
  const gone: string[] = [];
  for (const [resource, bucket] of Object.entries(state.objects)) {
    const baseBucket = base.objects[resource] ?? {};
    for (const [key, obj] of Object.entries(bucket)) {
      const b = baseBucket[key];
      if (
        b &&
        b.metadata.uid === obj.metadata.uid &&
        b.metadata.resourceVersion === obj.metadata.resourceVersion
      )
        continue;
      const changed = objects[resource] ?? {};
      changed[key] = obj;
      objects[resource] = changed;
    }
  }
  for (const [resource, bucket] of Object.entries(base.objects)) {
    for (const [key, obj] of Object.entries(bucket)) {
      const live = state.objects[resource]?.[key];
      if (!live || live.metadata.uid !== obj.metadata.uid) gone.push(`${resource}|${key}`);
    }
  }
  const { objects: _o, kubeconfig, ...rest } = state;
  const defaultKube = JSON.stringify(kubeconfig) === JSON.stringify(base.kubeconfig);
  return { ...rest, objects, gone, ...(defaultKube ? {} : { kubeconfig }) };
}

/** Rebuilds a full state from its stored form; throws on a malformed one. */
export function fromStored(input: unknown): ClusterState {
  const stored = storedSchema.parse(input) as unknown as StoredCluster;
  const base = baselineOf(stored.seed, stored.profile, stored.start);
  const objects = base.objects;
  for (const g of stored.gone) {
    const bar = g.indexOf("|");
    const bucket = objects[g.slice(0, bar)];
    if (bucket) delete bucket[g.slice(bar + 1)];
  }
  for (const [resource, bucket] of Object.entries(stored.objects)) {
    const target = objects[resource] ?? {};
    for (const [key, obj] of Object.entries(bucket)) target[key] = obj;
    objects[resource] = target;
  }
  const { gone: _g, kubeconfig, ...rest } = stored;
  return { ...rest, objects, kubeconfig: kubeconfig ?? base.kubeconfig };
}
