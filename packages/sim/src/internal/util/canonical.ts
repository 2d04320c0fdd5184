// Canonical JSON (sorted keys): stable text for hashing and comparing objects.

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** Deep equality of JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** What JSON.stringify does with a value inside an object: skips it (undefined, functions, symbols). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * Exactly `JSON.stringify(a) === JSON.stringify(b)` (key order counts), without building the text:
 * controllers compare a freshly computed status with the stored one on every pass. Plain JSON data
 * is compared directly; anything unusual (non-finite numbers, `toJSON`, undefined array elements,
 * mixed types) falls back to the texts.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const r = compareJson(a, b);
  return r === undefined ? JSON.stringify(a) === JSON.stringify(b) : r;
}

/** true/false when certain, undefined to defer to JSON.stringify. */
function compareJson(a: unknown, b: unknown): boolean | undefined {
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== typeof b || a === null || b === null) return undefined;
  if (ta === "string" || ta === "boolean") return false;
  if (ta === "number") return Number.isFinite(a) && Number.isFinite(b) ? false : undefined;
  if (ta !== "object") return undefined;
  const oa = a as Record<string, unknown>;
  const ob = b as Record<string, unknown>;
  if (typeof oa.toJSON === "function" || typeof ob.toJSON === "function") return undefined;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return undefined;
  if (arr) {
    const xa = a as unknown[];
    const xb = b as unknown[];
    if (xa.length !== xb.length) return false;
    for (let i = 0; i < xa.length; i++) {
      if (skipped(xa[i]) || skipped(xb[i])) return undefined;
      const r = compareJson(xa[i], xb[i]);
      if (r !== true) return r;
    }
    return true;
  }
  const ka = Object.keys(oa);
  const kb = Object.keys(ob);
  let i = 0;
  let j = 0;
  for (;;) {
    // (skipped() inlined where values are plain: this loop runs for every key of every status.)
    for (; i < ka.length; i++) {
      const v = oa[ka[i] as string];
      if (v !== undefined && typeof v !== "function" && typeof v !== "symbol") break;
    }
    for (; j < kb.length; j++) {
      const v = ob[kb[j] as string];
      if (v !== undefined && typeof v !== "function" && typeof v !== "symbol") break;
    }
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    const k = ka[i] as string;
    if (k !== kb[j]) return false;
    const r = compareJson(oa[k], ob[k]);
    if (r !== true) return r;
    i++;
    j++;
  }
}
