// Open sessions by session tag, so a busy session is neither inflated, parsed nor restored per command.

import type { LiveSession } from "@bosun/tutor";
import type { SandboxSize } from "./limits.ts";

/**
 * A session held open by the worker, exactly as committed at `version` (stored text `data`), with
 * its measured size. The open session changes as events apply to it, so an entry is used by one job
 * at a time: `take` removes it, and only a successful commit of what it became puts it back.
 */
export interface CachedSession {
  version: number;
  /** The record's `applied` at `version`: the sequence number of the last event in it. */
  applied: number;
  /** The stored text at `version`: a hit needs the record to hold this very text. */
  data: string;
  live: LiveSession;
  size: SandboxSize;
  bytes: number;
}

/**
 * A small LRU of open sessions. An entry is only used when the record still has its version and
 * its text (another worker's commit, a removed and re-created session, anything else is a miss),
 * so what a job starts from is always what the store holds.
 */
export class SessionCache {
  private readonly map = new Map<string, CachedSession>();
  constructor(private readonly capacity = 500) {}

  /** The entry for the record at (`version`, `data`), removed from the cache; undefined on a miss. */
  take(tag: string, version: number, data: string | undefined): CachedSession | undefined {
    const hit = this.map.get(tag);
    if (!hit) return undefined;
    this.map.delete(tag);
    return hit.version === version && hit.data === data ? hit : undefined;
  }

  /**
   * The entry if it holds the session just before event number `seq` (`applied === seq - 1`),
   * removed from the cache; whether the store still holds it is for the caller to check.
   */
  takeBefore(tag: string, seq: number): CachedSession | undefined {
    const hit = this.map.get(tag);
    if (!hit || hit.applied !== seq - 1) return undefined;
    this.map.delete(tag);
    return hit;
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
