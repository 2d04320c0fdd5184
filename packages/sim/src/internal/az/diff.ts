// Object-store diffs: what a stored or parked cluster keeps is what differs from its baseline.

import type { KObject } from "../api/types.ts";

type Objects = Record<string, Record<string, KObject>>;

/**
 * Objects of `live` that differ from `base` (a different uid or resourceVersion, or absent from
 * it), and `resource|key` of every base object that `live` no longer has. Both in sorted order: a
 * cluster kept running fills its maps in the order things happened, a restored one in its
 * baseline's, and both must save the same text.
 */
export function diffObjects(live: Objects, base: Objects): { objects: Objects; gone: string[] } {
  // Most of a cluster is usually as its baseline has it: only the objects that differ are sorted.
  const changed: Changed[] = [];
  for (const resource of Object.keys(live)) {
    const bucket = live[resource] ?? {};
    const baseBucket = base[resource] ?? {};
    for (const key of Object.keys(bucket)) {
      const obj = bucket[key] as KObject;
      const b = baseBucket[key];
      if (
        b &&
        b.metadata.uid === obj.metadata.uid &&
        b.metadata.resourceVersion === obj.metadata.resourceVersion
      )
        continue;
      changed.push({ resource, key, obj });
    }
  }
  changed.sort(byResourceThenKey);
  const objects: Objects = {};
  for (const { resource, key, obj } of changed) {
    const bucket = objects[resource] ?? {};
    bucket[key] = obj;
    objects[resource] = bucket;
  }
  const gone: string[] = [];
  for (const resource of Object.keys(base)) {
    const bucket = base[resource] ?? {};
    const liveBucket = live[resource];
    for (const key of Object.keys(bucket)) {
      const live1 = liveBucket?.[key];
      if (!live1 || live1.metadata.uid !== (bucket[key] as KObject).metadata.uid)
        gone.push(`${resource}|${key}`);
    }
  }
  return { objects, gone: gone.sort() };
}

/** An object of the live cluster that differs from the baseline. */
interface Changed {
  resource: string;
  key: string;
  obj: KObject;
}

/** The order `diffObjects` writes objects in: by resource, then by key (as `Array.sort` orders strings). */
function byResourceThenKey(a: Changed, b: Changed): number {
  if (a.resource !== b.resource) return a.resource < b.resource ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The inverse of diffObjects: applies a diff to `base` (which it changes and returns). */
export function patchObjects(base: Objects, objects: Objects, gone: readonly string[]): Objects {
  for (const g of gone) {
    const bar = g.indexOf("|");
    const bucket = base[g.slice(0, bar)];
    if (bucket) delete bucket[g.slice(bar + 1)];
  }
  for (const [resource, bucket] of Object.entries(objects)) {
    const target = base[resource] ?? {};
    for (const [key, obj] of Object.entries(bucket)) target[key] = obj;
    base[resource] = target;
  }
  return base;
}
