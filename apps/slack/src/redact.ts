// Keeps secrets out of logs: Slack tokens, URL passwords and values under token/secret-like keys.

/** Keys whose values are never logged. */
const SECRET_KEY = /token|secret|password|passwd|authorization|api[-_]?key|cookie|signature/i;

/** `scheme://user:password@host` → `scheme://user:***@host`. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;
/** Slack bot, user and app-level tokens. */
const SLACK_TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
/** A response_url is a bearer capability for 30 minutes: keep only its host. */
const RESPONSE_URL = /\b(https?:\/\/[^\s/]+)\/(commands|actions)\/\S+/g;

export const REDACTED = "[redacted]";

/** Removes tokens, URL passwords and response_url paths from `text`. */
export function scrubText(text: string): string {
  return text
    .replace(URL_PASSWORD, "$1:***@")
    .replace(SLACK_TOKEN, "$1-***")
    .replace(RESPONSE_URL, "$1/$2/***");
}

/**
 * A copy of `value` safe to log: values under secret-looking keys replaced, strings scrubbed,
 * errors turned into `{ type, message, stack, code }`. Depth-limited and cycle-safe.
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
