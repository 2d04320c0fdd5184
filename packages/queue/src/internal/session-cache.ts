// Unpacked sessions by (session tag, version), so a busy session is not inflated and parsed per command.

import type { Session } from "@bosun/tutor";
import type { SandboxSize } from "./limits.ts";

/** A session as the worker last saw it at `version`, with its measured size. */
export interface CachedSession {
  version: number;
  session: Session;
  size: SandboxSize;
  bytes: number;
}

/**
 * A small LRU. Entries are only ever used when the store's version matches, so a stale entry (another
 * worker committed since) is simply a miss. Sessions are never changed in place (`handle` is pure),
 * so sharing them is safe.
 */
export class SessionCache {
  private readonly map = new Map<string, CachedSession>();
  constructor(private readonly capacity = 500) {}

  get(tag: string, version: number): CachedSession | undefined {
    const hit = this.map.get(tag);
    if (!hit) return undefined;
    if (hit.version !== version) {
      this.map.delete(tag);
      return undefined;
    }
    // Re-insert to mark it most recently used.
    this.map.delete(tag);
    this.map.set(tag, hit);
    return hit;
  }

  set(tag: string, entry: CachedSession): void {
    this.map.delete(tag);
    this.map.set(tag, entry);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  delete(tag: string): void {
    this.map.delete(tag);
  }
}
