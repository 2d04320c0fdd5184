// Safe readers for loosely typed object fields (API objects and learners' manifests are arbitrary JSON).

/** A plain JSON object. */
export type Obj = Record<string, unknown>;

/** The value as an object, or an empty one when it is anything else. */
export function asObj(v: unknown): Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}

/** The value as an array, or an empty one. */
export function asArr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as a string ("" for anything that is not a string or a number). */
export function asStr(v: unknown): string {
  if (typeof v === "string") return v;
  return typeof v === "number" ? String(v) : "";
}

/** The value as a finite number (0 otherwise). */
export function asNum(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** "1 pod", "3 pods", "2 ingresses", "2 endpoints". */
export function plural(n: number, word: string): string {
  if (n === 1 || (word.endsWith("s") && !word.endsWith("ss"))) return `${n} ${word}`;
  return `${n} ${word}${word.endsWith("ss") ? "es" : "s"}`;
}

/**
 * A short, non-reversible fingerprint of a value (32-bit FNV-1a, hex), so a snapshot can tell that
 * a ConfigMap or Secret value changed without keeping the value.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
