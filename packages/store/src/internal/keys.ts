// Key names: each session's keys share one Redis Cluster hash tag built from its escaped identity.

import type { ChannelRef, SessionRef } from "./types.ts";

/** Characters `part` leaves as they are (encodeURIComponent's unreserved ones, less `!'()*`). */
const PLAIN = /^[A-Za-z0-9_.~-]*$/;

/** Escapes an id so that `:`, `{`, `}` and anything else unusual cannot change a key's shape. */
function part(s: string): string {
  // Platform ids (U024BE7LH, T1, 1187…) are plain: several keys are built per command.
  if (PLAIN.test(s)) return s;
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The hash tag of a session: `slack:T1:u:U1` (personal) or `discord:G1:c:C9` (group). */
export function sessionTag(ref: SessionRef): string {
  return `${ref.platform}:${part(ref.workspace)}:${ref.scope === "user" ? "u" : "c"}:${part(ref.id)}`;
}

/** A channel's document name, e.g. `slack:T1:ch:C9:quiz`. */
export function channelDocName(ref: ChannelRef, kind: string): string {
  return `${ref.platform}:${part(ref.workspace)}:ch:${part(ref.channel)}:${part(kind)}`;
}

/** The key of a session's record: `<prefix>:{<tag>}:s`. */
export function sessionKey(prefix: string, ref: SessionRef): string {
  return `${prefix}:{${sessionTag(ref)}}:s`;
}

/** The key of a document: `<prefix>:{<name>}:d`. */
export function docKey(prefix: string, name: string): string {
  return `${prefix}:{${name}}:d`;
}

/** The key of a rate-limit bucket: `<prefix>:{<key>}:rl`. */
export function bucketKey(prefix: string, key: string): string {
  return `${prefix}:{${key}}:rl`;
}
