// Argument checks and option defaults shared by both stores, so both refuse the same input alike.

import { StoreError } from "./errors.ts";
import {
  type CommitInput,
  DefaultStoreOptions,
  type RateLimit,
  type SessionRef,
  type StoreOptions,
  sessionRefSchema,
} from "./types.ts";

/** Longest event id, outbox id or document name the store accepts (matches the job schemas' ids). */
export const MAX_ID_LENGTH = 200;

export type ResolvedOptions = Required<StoreOptions>;

function isPositiveInt(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0;
}

/** Fills in defaults and refuses options that would break keys or expiry. */
export function resolveOptions(opts: StoreOptions): ResolvedOptions {
  const o = {
    prefix: opts.prefix ?? DefaultStoreOptions.prefix,
    ttlMs: opts.ttlMs ?? DefaultStoreOptions.ttlMs,
    dedupWindow: opts.dedupWindow ?? DefaultStoreOptions.dedupWindow,
  };
  if (o.prefix === "" || /[{}]/.test(o.prefix))
    throw new StoreError(
      "invalid-argument",
      `store prefix must be non-empty without { or }: ${JSON.stringify(o.prefix)}`,
    );
  if (!isPositiveInt(o.ttlMs))
    throw new StoreError("invalid-argument", `ttlMs must be a positive integer: ${o.ttlMs}`);
  if (!isPositiveInt(o.dedupWindow))
    throw new StoreError("invalid-argument", `dedupWindow must be a positive integer: ${o.dedupWindow}`);
  return o;
}

/** A session reference as the schema allows (platform, 1–200 character ids). */
export function checkRef(ref: SessionRef): void {
  const r = sessionRefSchema.safeParse(ref);
  if (!r.success) throw new StoreError("invalid-argument", `invalid session reference: ${r.error.message}`);
}

/** An event id, outbox id or the like: 1–200 characters. */
export function checkId(what: string, id: unknown): asserts id is string {
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_ID_LENGTH)
    throw new StoreError("invalid-argument", `${what} must be 1–${MAX_ID_LENGTH} characters`);
}

/** A document or bucket name: 1–200 characters, no `{` or `}` (they would move the key's hash tag). */
export function checkName(what: string, name: unknown): asserts name is string {
  checkId(what, name);
  if (/[{}]/.test(name)) throw new StoreError("invalid-argument", `${what} must not contain { or }`);
}

export function checkSeq(seq: unknown): asserts seq is number {
  if (!isPositiveInt(seq))
    throw new StoreError("invalid-argument", `sequence number must be a positive integer: ${String(seq)}`);
}

export function checkVersion(v: unknown): asserts v is number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new StoreError("invalid-argument", `version must be a non-negative integer: ${String(v)}`);
}

/** Outbox ids one commit may drop. */
export const MAX_ACKS = 64;

export function checkCommit(input: CommitInput): void {
  checkVersion(input.expectVersion);
  checkSeq(input.seq);
  if (input.data !== undefined && typeof input.data !== "string")
    throw new StoreError("invalid-argument", "session data must be a string");
  if (input.log !== undefined) {
    if (typeof input.log !== "string" || input.log.includes("\n"))
      throw new StoreError("invalid-argument", "a log entry must be a string without line breaks");
    if (input.data !== undefined)
      throw new StoreError("invalid-argument", "a commit carries data or a log entry, not both");
  }
  if (input.expectEpoch !== undefined) checkId("epoch", input.expectEpoch);
  if (input.expectEvent !== undefined) checkId("event id", input.expectEvent);
  if (input.acks !== undefined) {
    if (!Array.isArray(input.acks) || input.acks.length > MAX_ACKS)
      throw new StoreError("invalid-argument", `acks must be an array of at most ${MAX_ACKS} ids`);
    for (const id of input.acks) checkId("outbox id", id);
  }
  if (input.outbox !== undefined) {
    checkId("outbox id", input.outbox.id);
    if (typeof input.outbox.payload !== "string")
      throw new StoreError("invalid-argument", "outbox payload must be a string");
  }
}

/** A rate limit and cost the bucket can serve: positive finite numbers, cost no more than capacity. */
export function checkTake(limit: RateLimit, now: number, cost: number): void {
  const pos = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;
  if (!pos(limit.capacity) || !pos(limit.refillPerSecond))
    throw new StoreError(
      "invalid-argument",
      "rate limit capacity and refillPerSecond must be positive numbers",
    );
  if (!pos(cost) || cost > limit.capacity)
    throw new StoreError("invalid-argument", `cost must be positive and at most the capacity: ${cost}`);
  if (typeof now !== "number" || !Number.isFinite(now))
    throw new StoreError("invalid-argument", `now must be a finite number: ${String(now)}`);
}
