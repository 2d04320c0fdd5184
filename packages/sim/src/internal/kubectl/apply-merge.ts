// Client-side apply: the three-way merge of last-applied, the new manifest and the live object.

import type { KObject } from "../api/types.ts";
import { canonicalJson } from "../util/canonical.ts";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

// biome-ignore lint/suspicious/noExplicitAny: merging free-form JSON
type Any = any;

/** Keys by which strategic merge matches list items (containers by name, ports by port, …). */
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  ports: "containerPort",
  imagePullSecrets: "name",
  tolerations: "key",
};

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === "ports" && items.some((i) => isObj(i) && "port" in i && !("containerPort" in i)))
    return "port";
  return MERGE_KEYS[field];
}

/**
 * Merges `modified` into `live`, deleting what `original` had and `modified` dropped. Maps merge
 * recursively; lists with a merge key merge item by item (so server-set fields such as a
 * Service port's nodePort survive); other lists are replaced.
 */
export function threeWay(original: unknown, modified: unknown, live: unknown, field = ""): unknown {
  if (isObj(modified)) {
    const out: Record<string, unknown> = isObj(live) ? { ...live } : {};
    const orig = isObj(original) ? original : {};
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) delete out[k];
      else out[k] = threeWay(orig[k], v, isObj(live) ? live[k] : undefined, k);
    }
    return out;
  }
  if (Array.isArray(modified)) {
    const key = mergeKeyFor(field, modified);
    if (!key || !Array.isArray(live)) return structuredClone(modified);
    const origItems = Array.isArray(original) ? original : [];
    return modified.map((item) => {
      if (!isObj(item)) return structuredClone(item);
      const id = item[key];
      const liveItem = live.find((l) => isObj(l) && l[key] === id);
      const origItem = origItems.find((o) => isObj(o) && o[key] === id);
      return threeWay(origItem, item, liveItem, "");
    });
  }
  return modified;
}

/** The last-applied annotation's value: the manifest as JSON with sorted keys, as kubectl stores it. */
export function lastAppliedValue(manifest: KObject): string {
  const copy = structuredClone(manifest) as Any;
  copy.metadata = copy.metadata ?? {};
  const ann = { ...(copy.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  copy.metadata.annotations = ann;
  return `${canonicalJson(copy)}\n`;
}
