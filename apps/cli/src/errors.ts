// The CLI's error: a closed set of codes, and the one table that turns them into words for the terminal.

/**
 * - `redis-unreachable`: the Redis given with `--redis` did not answer at start.
 * - `redis-failed`: Redis failed while a script or session was running.
 * - `no-reply`: an event went into the queue and no worker answered in time.
 * - `invalid-config`: a prefix from the environment that the worker would refuse.
 * - `refused`: the worker answered a `play` line with a refusal (rate limit, sandbox limit) instead
 *   of running it, so the transcript could not match the local one.
 */
export type CliErrorCode = "redis-unreachable" | "redis-failed" | "no-reply" | "invalid-config" | "refused";

/** Thrown by the `--redis` path; `main` prints `bosun: <message>` and exits 1, never a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  /** The transcript printed up to the failure, for `main` to write out before the error. */
  readonly partial: string | undefined;
  constructor(
    readonly code: CliErrorCode,
    message: string,
    options: { cause?: unknown; partial?: string } = {},
  ) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.partial = options.partial;
  }
}

/** A Redis URL fit to print: the password (and a user name with it) replaced by `***`. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}

/** The text of any error, one line, for `bosun: …` messages. */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0] ?? text;
}

/**
 * The one line `bosun:` prints for an error that ends the command. Errors of our packages carry a
 * `code`; anything else is a bug, and says so without a stack trace.
 */
export function messageOf(err: unknown): string {
  if (err instanceof CliError) return err.message;
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  const reason = reasonOf(err);
  if (e && e.name === "StoreError" && (e.code === "backend" || e.code === "closed"))
    return `Redis failed: ${reason}`;
  if (e && e.name === "QueueError" && e.code === "invalid-url") return `--redis: ${reason}`;
  if (e && e.name === "TutorError") return `the course content does not load: ${reason}`;
  return `internal error: ${reason}`;
}
