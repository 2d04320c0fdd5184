// Token bucket arithmetic for the memory store; take.lua does the same operations in the same order,
// so both stores give bit-identical results for the same calls.

import type { RateDecision, RateLimit } from "./types.ts";

/**
 * The least time (real ms) an idle bucket is kept. A bucket's arithmetic runs on the callers' `now`
 * (when a person sent the command), not on the clock of whoever stores it, so an expiry at "full
 * again" alone would forget a bucket whose takes are processed further apart in real time than
 * their `now`s (a backlog, a replayed script, a slow machine) and hand out a full bucket. An hour
 * covers any backlog a worker would still run; a bucket idle longer is full by any clock.
 */
export const BUCKET_MIN_TTL_MS = 3_600_000;

export interface BucketState {
  tokens: number;
  /** The time (epoch ms) `tokens` was last brought up to date. */
  ts: number;
}

/**
 * Takes `cost` tokens at `now`. A missing bucket starts full. Worked example, capacity 2 and
 * 2 tokens a second: two takes at t=0 leave 0; a third at t=0 is refused with retryAfterMs
 * ceil((1 − 0) × 1000 / 2) = 500; at t=500 the bucket holds 0 + 500 × 2 / 1000 = 1 token again.
 * A clock running backwards (another worker's `now` behind) refills nothing and keeps `ts`.
 */
export function takeTokens(
  state: BucketState | undefined,
  limit: RateLimit,
  now: number,
  cost: number,
): {
  state: BucketState;
  decision: RateDecision /** How long to keep the bucket (real ms). */;
  fullInMs: number;
} {
  const cap = limit.capacity;
  const rate = limit.refillPerSecond;
  let tokens = state ? state.tokens : cap;
  let ts = state ? state.ts : now;
  if (now > ts) {
    tokens = tokens + ((now - ts) * rate) / 1000;
    ts = now;
  }
  tokens = Math.min(cap, tokens);
  let allowed = false;
  let retryAfterMs = 0;
  if (tokens >= cost) {
    tokens = tokens - cost;
    allowed = true;
  } else {
    retryAfterMs = Math.ceil(((cost - tokens) * 1000) / rate);
  }
  const fullInMs = Math.max(BUCKET_MIN_TTL_MS, Math.ceil(((cap - tokens) * 1000) / rate));
  return {
    state: { tokens, ts },
    decision: { allowed, remaining: Math.floor(tokens), retryAfterMs },
    fullInMs,
  };
}
