// ResourceQuota controller: keeps status.hard and status.used current as objects come, go and finish.

import { quantityString } from "../api/schema/quantity.ts";
import type { KObject } from "../api/types.ts";
import { sameJson } from "../util/canonical.ts";
import type { Controller, ControllerContext } from "./context.ts";
import { canonicalQty, namespaceUsage } from "./quota-usage.ts";

function syncQuota(ctx: ControllerContext, q: KObject): boolean {
  const hardSpec = (q.spec?.hard ?? {}) as Record<string, unknown>;
  const names = Object.keys(hardSpec).sort();
  const hard: Record<string, string> = {};
  for (const n of names) hard[n] = canonicalQty(hardSpec[n]);
  const usage = namespaceUsage(ctx.store, q.metadata.namespace ?? "default", names);
  const used: Record<string, string> = {};
  for (const n of names)
    used[n] = quantityString(usage.get(n) ?? { nanos: 0n, format: "DecimalSI", cached: undefined });
  const status = names.length ? { hard, used } : {};
  if (sameJson(status, q.status ?? {})) return false;
  q.status = status;
  ctx.store.touch(q);
  return true;
}

/**
 * The quota controller. Usage is recounted from the stored objects (pods, services, claims and
 * object counts), so a pod that finishes gives its cpu and memory back at once. Example: a 400m
 * pod Succeeded → requests.cpu used 400m → 0.
 */
export const quotaController: Controller = {
  name: "resourcequota",
  sync(ctx) {
    let changed = false;
    for (const q of ctx.store.each("resourcequotas")) if (syncQuota(ctx, q)) changed = true;
    return changed;
  },
};
