// Compact session storage: only what differs from the deterministic starting cluster is written.

import { z } from "zod";
import { diffObjects, patchObjects } from "../az/diff.ts";
import { activeBaseline } from "../az/park.ts";
import { sharedBootstrap } from "./bootstrap-cache.ts";
import type { ClusterState } from "./state.ts";
import type { KObject } from "./types.ts";

/**
 * The stored form. Objects identical to the current cluster's baseline (same uid and resourceVersion)
 * are left out and rebuilt on load: the bootstrap cluster's from the seed, an `az aks create`d one's
 * from its record in `azure` (az/park.ts); `gone` lists baseline objects that were deleted. Other
 * AKS clusters are parked compactly inside `azure`.
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
    refused: z.record(z.string(), z.string()).optional(),
  })
  .strict();

type Objects = Record<string, Record<string, KObject>>;

/**
 * The objects of the cluster kubectl talks to, as first created (an `az aks create`d one, or the
 * bootstrap's). `fresh`: objects of its own for a state to run on; otherwise shared and frozen.
 */
function baselineOf(
  state: Pick<ClusterState, "seed" | "profile" | "start" | "azure">,
  fresh: boolean,
): Objects {
  return activeBaseline(state, fresh);
}

/**
 * The bootstrap kubeconfig (shared and frozen: compare with it, copy it to use it). Taken from the
 * same shared cluster as the session's baseline, so a session needs one cache entry, not two.
 */
const defaultKubeconfig = (seed: number, profile: string, start: number) =>
  sharedBootstrap({ seed, profile, start }).kubeconfig;

/** The bootstrap kubeconfig as JSON, per kubeconfig object (the shared ones live as long as the cache keeps them). */
const kubeconfigText = new WeakMap<object, string>();

function sameKubeconfig(a: ClusterState["kubeconfig"], base: ClusterState["kubeconfig"]): boolean {
  let text = kubeconfigText.get(base);
  if (text === undefined) {
    text = JSON.stringify(base);
    kubeconfigText.set(base, text);
  }
  return JSON.stringify(a) === text;
}

export function toStored(state: ClusterState): StoredCluster {
  const { objects, gone } = diffObjects(state.objects, baselineOf(state, false));
  const { objects: _o, kubeconfig, ...rest } = state;
  const defaultKube = sameKubeconfig(kubeconfig, defaultKubeconfig(state.seed, state.profile, state.start));
  return { ...rest, objects, gone, ...(defaultKube ? {} : { kubeconfig }) };
}

/** Rebuilds a full state from its stored form; throws on a malformed one. */
export function fromStored(input: unknown): ClusterState {
  const stored = storedSchema.parse(input) as unknown as StoredCluster;
  const objects = patchObjects(baselineOf(stored, true), stored.objects, stored.gone);
  const { gone: _g, kubeconfig, ...rest } = stored;
  reviveNever(rest.pods);
  return {
    ...rest,
    objects,
    kubeconfig: kubeconfig ?? structuredClone(defaultKubeconfig(stored.seed, stored.profile, stored.start)),
  };
}

/**
 * JSON has no Infinity: a container with nothing more to do ("never", `at: Infinity`) comes back
 * from JSON as `at: null`, which must not read as "due at time 0".
 */
function reviveNever(pods: ClusterState["pods"]): void {
  for (const rt of Object.values(pods)) {
    for (const c of [...(rt.init ?? []), ...(rt.containers ?? [])]) {
      if ((c as { at: number | null }).at === null) c.at = Number.POSITIVE_INFINITY;
    }
  }
}
