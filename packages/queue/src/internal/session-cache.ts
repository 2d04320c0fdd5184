// Open sessions by session tag, so a busy session is neither inflated, parsed nor restored per command.
// The cache lives where the engine runs (an engine thread, or the worker's own thread); whether the
// stored text still matches is decided by the worker's thread, which holds the text (`engine-client.ts`).

import type { LiveSession } from "@bosun/tutor";
import type { LogState } from "./engine-turn.ts";
import type { SandboxSize } from "./limits.ts";

/**
 * A session held open by the engine, exactly as committed at `version`, with its measured size. The open session changes as events apply to it, so an entry is used by one job
 * at a time: `take` removes it, and only a successful commit of what it became puts it back.
 */
export interface CachedSession {
  version: number;
  /** The record's `applied` at `version`: the sequence number of the last event in it. */
  applied: number;
  live: LiveSession;
  size: SandboxSize;
  /** What the record takes as stored: its text and log. */
  bytes: number;
  /** The record's log since its last full text. */
  log: LogState;
}

/**
 * A small LRU of open sessions. An entry is only used for the version (and event number) it was
 * committed at; the caller has checked that the record's text is the one the entry was saved as.
 */
export class SessionCache {
  private readonly map = new Map<string, CachedSession>();
  constructor(private readonly capacity = 500) {}

  /** The entry at (`version`, `applied`), removed from the cache; undefined (and forgotten) on a miss. */
  take(tag: string, version: number, applied: number): CachedSession | undefined {
    const hit = this.map.get(tag);
    if (!hit) return undefined;
    this.map.delete(tag);
    return hit.version === version && hit.applied === applied ? hit : undefined;
  }

  /** Keeps `entry` as the session's latest state, dropping the least recently used beyond capacity. */
  set(tag: string, entry: CachedSession): void {
    this.map.delete(tag);
    this.map.set(tag, entry);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  /**
   * After a commit that kept the session's text (a refused or skipped event), the entry at version
   * `from` stays valid at the new version. Anything else is dropped.
   */
  rekey(tag: string, from: number, to: { version: number; applied: number }): void {
    const hit = this.map.get(tag);
    if (hit && hit.version === from) {
      hit.version = to.version;
      hit.applied = to.applied;
    } else this.map.delete(tag);
  }

  delete(tag: string): void {
    this.map.delete(tag);
  }
}
