// Taints and tolerations: which pods a node's taints repel, and when NoExecute taints evict them.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import type { Profile } from "../data/profiles.ts";
import { isTerminating } from "./context.ts";

export type Taint = { key: string; value?: string; effect: string; timeAdded?: string };
export type Toleration = {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
};

/** Toleration.ToleratesTaint: same effect (or any), and key/value matched by Equal or Exists. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === "Exists") return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
}

/** Whether some toleration tolerates the taint. */
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/** Taint.ToString: `key=value:Effect`, `key:Effect` or `key`. */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/**
 * When each pod on a NoExecute-tainted node must go, as the taint-eviction controller decides: at
 * once if some NoExecute taint is not tolerated, else after the smallest tolerationSeconds of the
 * tolerations used (never when none sets one). The profile scales the wait: worked example, the
 * default 300 s unreachable toleration → 300 s realistic (podEvictionAfter 300,000 ms), 30 s fast.
 */
export function evictionTimes(store: Store, profile: Profile): Map<string, number> {
  const out = new Map<string, number>();
  const scale = profile.node.podEvictionAfter.ms / 300_000;
  const tainted = new Map<string, Taint[]>();
  for (const node of store.each("nodes")) {
    const taints = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "NoExecute");
    if (taints.length) tainted.set(node.metadata.name, taints);
  }
  if (tainted.size === 0) return out;
  for (const pod of store.each("pods")) {
    const taints = tainted.get(pod.spec?.nodeName as string);
    if (!taints || isTerminating(pod) || finished(pod)) continue;
    const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
    let wait = Number.POSITIVE_INFINITY;
    for (const taint of taints) {
      const used = tolerations.find((t) => toleratesTaint(t, taint));
      if (!used) {
        wait = 0;
        break;
      }
      if (used.tolerationSeconds !== undefined) wait = Math.min(wait, Math.max(0, used.tolerationSeconds));
    }
    if (Number.isFinite(wait)) out.set(pod.metadata.uid, store.now + Math.round(wait * 1000 * scale));
  }
  return out;
}

function finished(pod: KObject): boolean {
  const phase = pod.status?.phase as string | undefined;
  return phase === "Succeeded" || phase === "Failed";
}
