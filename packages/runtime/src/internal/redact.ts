// Keeps secrets out of logs and error messages: URL passwords, values under secret-like keys, app patterns.

/** What a value under a secret-looking key is replaced with. */
export const REDACTED = "[redacted]";

/** Key words whose values are never logged (every app's; an app may add its own). */
const SECRET_KEY_WORDS = "token|secret|password|passwd|authorization|api[-_]?key|cookie";

/** `scheme://user:password@host` → `scheme://user:***@host` (also `scheme://:password@host`). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

/** A pattern replaced in every string; `pattern` must have the `g` flag. */
export interface TextRule {
  pattern: RegExp;
  replacement: string;
}

/** What an app adds to the shared rules. */
export interface RedactorOptions {
  /** More key words (regular-expression alternatives, case-insensitive) whose values are never logged. */
  secretKeyWords?: readonly string[];
  /** More patterns replaced in every string, after URL passwords. */
  textRules?: readonly TextRule[];
}

/** Scrubbing functions built from one set of rules. */
export interface Redactor {
  /** `text` with URL passwords and the app's patterns removed. */
  scrubText(text: string): string;
  /**
   * A copy of `value` safe to log: values under secret-looking keys replaced, strings scrubbed,
   * errors turned into `{ type, message, stack, code, cause }`. Depth-limited and cycle-safe, since
   * log fields can be anything.
   */
  scrubValue(value: unknown): unknown;
}

/** Builds a {@link Redactor} from the shared rules plus the app's own. */
export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const secretKey = new RegExp([SECRET_KEY_WORDS, ...(opts.secretKeyWords ?? [])].join("|"), "i");
  const rules: readonly TextRule[] = [
    { pattern: URL_PASSWORD, replacement: "$1:***@" },
    ...(opts.textRules ?? []),
  ];
  const scrubText = (text: string): string =>
    rules.reduce((t, r) => t.replace(r.pattern, r.replacement), text);
  const scrub = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
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
      if (value.cause !== undefined) out.cause = scrub(value.cause, depth + 1, seen);
      return out;
    }
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = secretKey.test(k) && v !== undefined && v !== null ? REDACTED : scrub(v, depth + 1, seen);
    return out;
  };
  return { scrubText, scrubValue: (value) => scrub(value, 0, new WeakSet()) };
}
