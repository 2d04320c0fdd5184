// Reading manifests from `-f -` input: YAML or JSON, several documents, within the sandbox's limits.

import { parseAllDocuments } from "yaml";
import type { Manifest } from "../api/types.ts";
import { CommandError } from "./command.ts";

export const MANIFEST_LIMITS = {
  bytes: 256 * 1024,
  documents: 100,
  depth: 64,
  aliases: 100,
} as const;

function depthOf(v: unknown, limit: number): number {
  // Iterative so that a hostile nesting depth cannot overflow the stack.
  let max = 0;
  const stack: [unknown, number][] = [[v, 1]];
  while (stack.length) {
    const [x, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (max > limit) return max;
    if (x && typeof x === "object") for (const c of Object.values(x as object)) stack.push([c, d + 1]);
  }
  return max;
}

/** Rough nesting depth of the raw text, checked before parsing (the parser itself recurses). */
function rawDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  let indent = 0;
  for (const line of text.split("\n")) {
    const m = /^( *)(- )*/.exec(line);
    if (m) indent = Math.max(indent, ((m[1]?.length ?? 0) + (m[0].length - (m[1]?.length ?? 0))) / 2);
  }
  return Math.max(max, indent);
}

/**
 * Parses every document in `text` (`---` separated, JSON allowed, `kind: List` expanded).
 * Errors read like kubectl's: `error: error parsing STDIN: error converting YAML to JSON: yaml: line 3: …`.
 */
export function parseManifests(text: string, source = "STDIN"): Manifest[] {
  const hit = parsedTexts.get(text);
  if (hit) return structuredClone(hit);
  const docs = parseManifestText(text, source);
  // Callers default and store what they get, so the cache keeps its own copy.
  if (text.length <= CACHED_TEXT_BYTES) {
    if (parsedTexts.size >= CACHED_TEXTS) parsedTexts.delete(parsedTexts.keys().next().value as string);
    parsedTexts.set(text, structuredClone(docs));
  }
  return docs;
}

/**
 * Manifests already parsed, by text. A worker applies the same lesson manifests for learner after
 * learner, and YAML parsing costs far more than copying its result. Only successful parses are
 * kept (errors are thrown afresh with their source); oldest entries go first.
 */
const parsedTexts = new Map<string, Manifest[]>();
const CACHED_TEXTS = 32;
const CACHED_TEXT_BYTES = 64 * 1024;

function parseManifestText(text: string, source: string): Manifest[] {
  if (text.length > MANIFEST_LIMITS.bytes) {
    throw new CommandError(
      `error: ${source} is ${text.length} bytes; manifests in this sandbox are limited to ${MANIFEST_LIMITS.bytes / 1024} KiB`,
    );
  }
  if (text.includes("\u0000"))
    throw new CommandError(
      `error: error parsing ${source}: the input contains binary data (NUL bytes); paste a YAML or JSON manifest`,
    );
  if (rawDepth(text) > MANIFEST_LIMITS.depth) {
    throw new CommandError(
      `error: error parsing ${source}: the manifest is nested more than ${MANIFEST_LIMITS.depth} levels deep`,
    );
  }
  const docs = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: true,
    strict: false,
    maxAliasCount: MANIFEST_LIMITS.aliases,
  } as never);
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > MANIFEST_LIMITS.documents) {
    throw new CommandError(
      `error: ${source} holds ${list.length} documents; this sandbox takes at most ${MANIFEST_LIMITS.documents} at once`,
    );
  }
  const out: Manifest[] = [];
  for (const doc of list) {
    const e = doc.errors[0];
    if (e) {
      const line = e.linePos?.[0]?.line ?? 1;
      const msg = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
      throw new CommandError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`,
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MANIFEST_LIMITS.aliases });
    } catch (err) {
      throw new CommandError(`error: error parsing ${source}: ${(err as Error).message.split("\n")[0]}`);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new CommandError(
        `error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? "array" : typeof value === "string" ? "string" : "number"} into Go value of type map[string]interface {}`,
      );
    }
    if (depthOf(value, MANIFEST_LIMITS.depth) > MANIFEST_LIMITS.depth) {
      throw new CommandError(
        `error: error parsing ${source}: the manifest is nested more than ${MANIFEST_LIMITS.depth} levels deep`,
      );
    }
    const m = value as Manifest;
    if (m.kind === "List" && Array.isArray(m.items)) {
      for (const item of m.items as unknown[])
        if (item && typeof item === "object") out.push(item as Manifest);
    } else {
      out.push(m);
    }
    if (out.length > MANIFEST_LIMITS.documents)
      throw new CommandError(`error: ${source} holds more than ${MANIFEST_LIMITS.documents} objects`);
  }
  return out;
}
