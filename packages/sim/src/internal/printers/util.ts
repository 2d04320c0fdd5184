// Small readers over loosely typed API JSON, and the formatting helpers kubectl's printers share.
import { humanDuration, parseTimestamp } from "../util/time.ts";

/** A JSON object read loosely. */
export type Obj = Record<string, unknown>;

/** The value as an object, or an empty one. */
export function asObj(v: unknown): Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}

/** The value as an array, or an empty one. */
export function asArr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as a string (numbers and booleans stringified), else `dflt`. */
export function asStr(v: unknown, dflt = ""): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return dflt;
}

/** The value as a number, else `dflt`. */
export function asNum(v: unknown, dflt = 0): number {
  return typeof v === "number" && Number.isFinite(v) ? v : dflt;
}

/** True when the field is present (not undefined or null), like a non-nil Go pointer. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A string map (labels, selectors, annotations). */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asObj(v))) out[k] = asStr(val);
  return out;
}

/** Follows a path of object keys. */
export function dig(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const p of path) cur = asObj(cur)[p];
  return cur;
}

/** Epoch milliseconds of an RFC 3339 timestamp, undefined when absent or malformed. */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== "string" || ts === "") return undefined;
  const t = parseTimestamp(ts);
  return Number.isNaN(t) ? undefined : t;
}

/** kubectl's translateTimestampSince: the age of a timestamp, `<unknown>` when unset. */
export function since(now: number, ts: unknown): string {
  const t = parseTime(ts);
  return t === undefined ? "<unknown>" : humanDuration(now - t);
}

/** Byte-wise string order, as Go's sort.Strings. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: `k=v` sorted by key, joined by ",", `<none>` when empty. */
export function formatLabels(m: Record<string, string>): string {
  const keys = Object.keys(m).sort(byteCompare);
  return keys.length === 0 ? "<none>" : keys.map((k) => `${k}=${m[k] ?? ""}`).join(",");
}

/** metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key; "" for none. */
export function selectorString(sel: unknown): string {
  const s = asObj(sel);
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(strMap(s.matchLabels))) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of asArr(s.matchExpressions)) {
    const expr = asObj(e);
    const key = asStr(expr.key);
    const values = asArr(expr.values).map((x) => asStr(x));
    const vals = values.length === 1 ? (values[0] ?? "") : [...values].sort(byteCompare).join(",");
    const op = asStr(expr.operator);
    if (op === "In") reqs.push({ key, text: `${key} in (${vals})` });
    else if (op === "NotIn") reqs.push({ key, text: `${key} notin (${vals})` });
    else if (op === "Exists") reqs.push({ key, text: key });
    else if (op === "DoesNotExist") reqs.push({ key, text: `!${key}` });
  }
  return reqs
    .sort((a, b) => byteCompare(a.key, b.key))
    .map((r) => r.text)
    .join(",");
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects nothing in particular. */
export function formatLabelSelector(sel: unknown): string {
  const s = selectorString(sel);
  return s === "" ? "<none>" : s;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000". */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** RFC1123Z of a stored timestamp ("" when unset, as Go formats the zero time differently). */
export function rfc1123zOf(ts: unknown): string {
  const t = parseTime(ts);
  return t === undefined ? "Mon, 01 Jan 0001 00:00:00 +0000" : rfc1123z(t);
}

/** intstr.IntOrString.String(). */
export function intOrString(v: unknown): string {
  return asStr(v);
}

/** Names and images of containers joined by ",", as layoutContainerCells does. */
export function containerCells(containers: unknown): [string, string] {
  const list = asArr(containers).map(asObj);
  return [list.map((c) => asStr(c.name)).join(","), list.map((c) => asStr(c.image)).join(",")];
}

/** The pod template spec of a workload object. */
export function templateSpec(spec: unknown): Obj {
  return asObj(dig(spec, "template", "spec"));
}

/** The controller owner reference's "Kind/name", or "". */
export function controllerOf(meta: unknown): string {
  for (const r of asArr(asObj(meta).ownerReferences)) {
    const ref = asObj(r);
    if (ref.controller === true) return `${asStr(ref.kind)}/${asStr(ref.name)}`;
  }
  return "";
}
