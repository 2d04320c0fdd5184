// kubectl's generic describer for kinds without their own: every field, labelled smartly.
import type { KObject } from "../../api/types.ts";
import { asObj, byteCompare } from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
} from "./common.ts";
import { PrefixWriter } from "./writer.ts";

const ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);

function charClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** fatih/camelcase.Split: runs of one character class, an upper-case letter joining the lower run after it. */
export function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const cls = charClass(ch);
    if (cls === last) runs[runs.length - 1]?.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (
      cur[0] !== undefined &&
      charClass(cur[0]) === 2 &&
      next[0] !== undefined &&
      charClass(next[0]) === 1
    ) {
      const moved = cur.pop();
      if (moved !== undefined) next.unshift(moved);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

/** smartLabelFor: "apiVersion" → "API Version", "creationTimestamp" → "Creation Timestamp". */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== "_")
    .map((p) =>
      ACRONYMS.has(p.toUpperCase())
        ? p.toUpperCase()
        : p.replace(/(^|[^\p{L}])(\p{L})/gu, (_, a, b: string) => a + b.toUpperCase()),
    )
    .join(" ");
}

/** Go's %v of a decoded JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number" && !Number.isInteger(v)) {
    const [mant = "0", exp = "0"] = v.toExponential().split("e");
    if (Number(exp) < -4) return `${mant}e-${String(Math.abs(Number(exp))).padStart(2, "0")}`;
  }
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object")
    return `map[${Object.keys(v)
      .sort(byteCompare)
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
      .join(" ")}]`;
  return String(v);
}

const SKIP = new Set([
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
]);

function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort(byteCompare)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child))
          printContent(w, level + 1, asObj(child), path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === "object") {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, asObj(value), path);
    } else w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

/** The generic describer (kinds without a describer of their own). */
export function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", obj.metadata.labels);
  annotationsMultiline(w, "Annotations", obj.metadata.annotations);
  printContent(w, 0, obj as unknown as Record<string, unknown>, "");
  describeEvents(w, eventsOf(ctx, obj), ctx.now);
  return w.toString();
}
