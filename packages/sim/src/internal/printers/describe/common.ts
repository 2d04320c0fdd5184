// Sections every describer shares: labels, annotations, taints, tolerations, conditions, events.
import type { EventRecord } from "../../api/events.ts";
import type { KObject } from "../../api/types.ts";
import { humanDuration } from "../../util/time.ts";
import { asArr, asNum, asObj, asStr, byteCompare, isSet, type Obj } from "../util.ts";
import type { PrefixWriter } from "./writer.ts";

/** What a describer can look up: the clock, events and other objects. */
export interface DescribeContext {
  /** Virtual clock, epoch milliseconds. */
  now: number;
  /** Events whose involved object has this uid (or, for nodes, this name). */
  events(uid: string): EventRecord[];
  list(resource: string, namespace?: string): KObject[];
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
}

const MAX_ANNOTATION_LEN = 140;
/** UTF-8 length (TextEncoder's: a lone surrogate counts as U+FFFD); plain ASCII is just counted. */
function utf8Len(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return encoder.encode(s).length;
  return s.length;
}

const encoder = new TextEncoder();

/** printLabelsMultilineWithIndent: first entry beside the title, the rest under it. */
export function labelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byteCompare);
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${k}=${labels?.[k] ?? ""}\n`);
  });
}

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines. */
export function annotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = Object.keys(all)
    .filter((k) => k !== "kubectl.kubernetes.io/last-applied-configuration")
    .sort(byteCompare);
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, "\t");
    const value = (all[k] ?? "").replace(/\n$/, "");
    if (utf8Len(value) + utf8Len(k) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${k}:\n`);
      for (const s of value.split("\n")) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** A titled list printed like labels: first value beside the title, the rest aligned under it. */
export function listMultiline(w: PrefixWriter, title: string, items: string[]): void {
  w.write(0, `${title}:\t`);
  if (items.length === 0) {
    w.line("<none>");
    return;
  }
  items.forEach((s, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${s}\n`);
  });
}

/** Taint.ToString(): "key=value:Effect" or "key:Effect". */
function taintString(t: Obj): string {
  const value = asStr(t.value);
  return value === "" ? `${asStr(t.key)}:${asStr(t.effect)}` : `${asStr(t.key)}=${value}:${asStr(t.effect)}`;
}

/** printNodeTaintsMultiline: sorted by "effect,key". */
export function taintsMultiline(w: PrefixWriter, taints: unknown): void {
  const list = asArr(taints)
    .map(asObj)
    .sort((a, b) => byteCompare(`${asStr(a.effect)},${asStr(a.key)}`, `${asStr(b.effect)},${asStr(b.key)}`));
  listMultiline(w, "Taints", list.map(taintString));
}

/** One toleration as describe prints it: "key=value:Effect op=Exists for 300s". */
function tolerationString(t: Obj): string {
  let s = asStr(t.key);
  const value = asStr(t.value);
  if (value !== "") s += `=${value}`;
  if (asStr(t.effect) !== "") s += `:${asStr(t.effect)}`;
  if (t.operator === "Exists" && value === "") s += s === "" ? "op=Exists" : " op=Exists";
  if (isSet(t.tolerationSeconds)) s += ` for ${asNum(t.tolerationSeconds)}s`;
  return s;
}

/** printPodTolerationsMultiline: sorted by key. */
export function tolerationsMultiline(w: PrefixWriter, title: string, tolerations: unknown): void {
  const list = asArr(tolerations)
    .map(asObj)
    .sort((a, b) => byteCompare(asStr(a.key), asStr(b.key)));
  listMultiline(w, title, list.map(tolerationString));
}

/** Conditions "Type Status Reason" table used by Deployment and ReplicaSet. */
export function conditionsTypeStatusReason(w: PrefixWriter, conditions: unknown): void {
  const list = asArr(conditions).map(asObj);
  if (list.length === 0) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const c of list) w.write(1, `${asStr(c.type)} \t${asStr(c.status)}\t${asStr(c.reason)}\n`);
}

/** DescribeEvents: oldest first; repeated events as "10s (x3 over 40s)"; `<none>` when empty. */
export function describeEvents(w: PrefixWriter, events: EventRecord[], now: number): void {
  if (events.length === 0) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => a.last - b.last);
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = humanDuration(now - e.first);
    const interval = e.count > 1 ? `${humanDuration(now - e.last)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source}\t${e.message.trim()}\n`);
  }
}

/** The events of an object, by uid. */
export function eventsOf(ctx: DescribeContext, obj: KObject): EventRecord[] {
  return ctx.events(obj.metadata.uid);
}
