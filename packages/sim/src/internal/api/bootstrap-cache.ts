// Bootstrap clusters remembered per options, frozen: saving diffs against one on every save.

import { type BootstrapOptions, bootstrap } from "./bootstrap.ts";
import type { ClusterState } from "./state.ts";

/**
 * Distinct bootstrap clusters kept (about 25 KB each). Every session has a seed of its own and each
 * save diffs against its bootstrap, so this must hold at least the sessions a worker keeps open
 * (500 by default), or saves rebuild and freeze a cluster every time (which cost a third of a turn).
 */
export const SHARED_BOOTSTRAP_LIMIT = 1024;

const cache = new Map<string, ClusterState>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The cluster `bootstrap(opts)` builds, built once per options and shared: frozen, so that a caller
 * that tries to change it fails loudly instead of corrupting every later save. For reading only
 * (diffing against it); a cluster that will run needs its own `bootstrap(opts)`. Bootstrap is
 * deterministic in its options, so the shared copy equals a fresh one.
 */
export function sharedBootstrap(opts: BootstrapOptions): ClusterState {
  const key = `${opts.seed}|${opts.profile}|${opts.start}|${opts.nodeCount ?? ""}|${opts.vmSize ?? ""}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const state = deepFreeze(
    bootstrap({
      seed: opts.seed,
      profile: opts.profile,
      start: opts.start,
      ...(opts.nodeCount !== undefined ? { nodeCount: opts.nodeCount } : {}),
      ...(opts.vmSize !== undefined ? { vmSize: opts.vmSize } : {}),
    }),
  );
  cache.set(key, state);
  if (cache.size > SHARED_BOOTSTRAP_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return state;
}
