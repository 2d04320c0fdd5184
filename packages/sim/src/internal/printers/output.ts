// `kubectl get -o yaml|json|name`: objects printed exactly as kubectl's YAML, JSON and name printers do.
import { kindPrefix, resourceForKind } from "../api/resources.ts";
import type { JsonValue, KObject } from "../api/types.ts";
import { byteCompare } from "./util.ts";
import { goYaml } from "./yaml.ts";

/** What the printers accept: one object, a List wrapper, or any JSON value. */
export type Printable = KObject | JsonValue;

/** The List kubectl prints when several objects (or a list request) are output as yaml/json. */
export function asList(objects: readonly KObject[]): JsonValue {
  return {
    apiVersion: "v1",
    items: objects as unknown as JsonValue[],
    kind: "List",
    metadata: { resourceVersion: "" },
  };
}

/** Drops undefined fields (absent in Go's JSON) so both printers see plain JSON. */
function plain(v: unknown): JsonValue {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "object") {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, val] of Object.entries(v)) if (val !== undefined) out[k] = plain(val);
    return out;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

/** Go's encoding/json string escaping (HTML-safe, as json.Marshal does by default). */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (cp < 0x20 || ch === "<" || ch === ">" || ch === "&" || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, "0")}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else out += ch;
  }
  return `${out}"`;
}

function goJson(v: JsonValue, indent: string): string {
  if (v === null) return "null";
  if (typeof v === "string") return goJsonString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[\n${v.map((x) => inner + goJson(x, inner)).join(",\n")}\n${indent}]`;
  }
  const keys = Object.keys(v).sort(byteCompare);
  if (keys.length === 0) return "{}";
  const body = keys.map((k) => `${inner}${goJsonString(k)}: ${goJson(v[k] ?? null, inner)}`).join(",\n");
  return `{\n${body}\n${indent}}`;
}

/**
 * `kubectl get -o json`: json.MarshalIndent with 4 spaces, map keys sorted, HTML characters escaped,
 * followed by a newline. An array is printed as kubectl's List.
 */
export function toJson(obj: Printable | readonly KObject[]): string {
  const v = Array.isArray(obj) ? asList(obj as unknown as readonly KObject[]) : plain(obj);
  return `${goJson(plain(v), "")}\n`;
}

/**
 * `kubectl get -o yaml`: sigs.k8s.io/yaml over go-yaml v2 — keys sorted, 2-space indent, sequences
 * not indented under their key, strings quoted only when needed, long lines folded at 80 columns.
 * The text ends with a newline. An array is printed as kubectl's List.
 */
export function toYaml(obj: Printable | readonly KObject[]): string {
  const v = Array.isArray(obj) ? asList(obj as unknown as readonly KObject[]) : plain(obj);
  return goYaml(plain(v));
}

/** `-o name`: "pod/web-abc", "deployment.apps/web". */
export function nameOf(obj: KObject): string {
  const info = resourceForKind(obj.kind);
  return `${info ? kindPrefix(info) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}
