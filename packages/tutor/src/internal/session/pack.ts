// Sessions as stored text: JSON, deflated and base64-encoded when that is smaller. Lossless.

import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Session } from "../model.ts";
import { parseSession, type SessionParse } from "./schema.ts";

/** Prefix of a packed session; anything else is read as plain JSON. */
export const PACKED_PREFIX = "bz1:";

/**
 * Deflate level. Packing runs once per event on a worker's hot path: level 3 deflates a 60 KB
 * session in about a quarter of level 6's time, for about 10% more bytes (five lessons: 6.6 KB
 * instead of 6.0 KB). Raw deflate reads back the same at every level, so older texts still unpack.
 */
const LEVEL = 3;

/**
 * A session as the text a store keeps. The sandbox dominates a session's size (full Pod objects
 * and their events: a five-pod Deployment with its events is about 40 KB of JSON) and compresses
 * about sixfold, so sessions are deflated. Deterministic: the same session gives the same text.
 */
export function packSession(session: Session): string {
  const json = JSON.stringify(session);
  const packed = `${PACKED_PREFIX}${deflateRawSync(Buffer.from(json, "utf8"), { level: LEVEL }).toString("base64")}`;
  return packed.length < json.length ? packed : json;
}

/** Reads text written by `packSession` (or plain session JSON) back into a validated session. */
export function unpackSession(text: string): SessionParse {
  let json: string;
  try {
    json = text.startsWith(PACKED_PREFIX)
      ? inflateRawSync(Buffer.from(text.slice(PACKED_PREFIX.length), "base64")).toString("utf8")
      : text;
    return parseSession(JSON.parse(json));
  } catch (err) {
    return {
      ok: false,
      issues: [`(root): not a stored session: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
}
