// Readers for environment variables, as zod schemas: empty means unset, whole numbers, prefixes, hosts, log levels.

import { z } from "zod";

/** Turns an empty value (`FOO=` in a .env file) into "unset", so the default applies. */
export const unsetIfEmpty = (v: unknown): unknown =>
  typeof v === "string" && v.trim() === "" ? undefined : v;

/** pino's level names, quietest last. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevelName = (typeof LOG_LEVELS)[number];

function decimalDigits(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));
}

/** A whole number from `min` to `max`, written in decimal; `fallback` when unset. */
export function wholeNumber(min: number, max: number, fallback: number) {
  return z.preprocess(unsetIfEmpty, decimalDigits(min, max).default(fallback));
}

/** Like {@link wholeNumber}, but unset stays undefined (the consumer's own default applies). */
export function optionalWholeNumber(min: number, max: number) {
  return z.preprocess(unsetIfEmpty, decimalDigits(min, max).optional());
}

/** A decimal number (e.g. 0.5) from `min` to `max`; `fallback` when unset. */
export function decimal(min: number, max: number, fallback: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, { error: message })
      .transform(Number)
      .pipe(z.number().min(min, { error: message }).max(max, { error: message }))
      .default(fallback),
  );
}

/** A Redis key prefix: letters, digits and `_ - . : { }` (a `{tag}` keeps a queue's keys on one cluster slot). */
export function keyPrefix(fallback: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9_.:{}-]{1,64}$/, {
        error: "must be 1 to 64 characters: letters, digits and _ - . : { }",
      })
      .default(fallback),
  );
}

/** A host name or an IP address to listen on; `fallback` when unset. */
export function hostName(fallback: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, { error: "must be a host name or an IP address" })
      .default(fallback),
  );
}

/** A log level, in any case (`DEBUG` reads as `debug`); `fallback` when unset. */
export function logLevel(fallback: LogLevelName = "info") {
  return z.preprocess(
    (v) => (typeof unsetIfEmpty(v) === "string" ? (v as string).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default(fallback),
  );
}

/** A required redis:// or rediss:// URL. */
export function redisUrl() {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string({ error: "is required (e.g. redis://127.0.0.1:6379, or rediss://… for TLS)" })
      .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// or rediss:// URL" }),
  );
}
