// Keeps secrets out of logs and error messages: URL passwords and values under token/secret-like keys.

/** Keys whose values are never logged. */
const SECRET_KEY = /token|secret|password|passwd|authorization|api[-_]?key|cookie/i;

/** `scheme://user:password@host` → `scheme://user:***@host` (also `scheme://:password@host`). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

export const REDACTED = "[redacted]";

/** Replaces the password of every URL in `text`. */
export function scrubText(text: string): string {
  return text.replace(URL_PASSWORD, "$1:***@");
}

/**
 * A copy of `value` safe to log: values under secret-looking keys replaced, URL passwords
 * removed from every string, errors turned into `{ type, message, stack, code }`. Depth-limited
 * and cycle-safe, since log fields can be anything.
 */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth > 8) return "[deep]";
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: scrubText(value.message) };
    if (value.stack) out.stack = scrubText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (value.cause !== undefined) out.cause = scrubValue(value.cause, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? REDACTED : scrubValue(v, depth + 1, seen);
  return out;
}
