// The logging seam: pino fits it; tests and embedders may pass anything with these methods.

/** Structured logger (pino's shape): an object of fields first, then a message. */
export interface Logger {
  debug?(o: object, msg?: string): void;
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/** A logger that drops everything (the default when none is given). */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/** An error as log fields: message and code, never the payload that caused it. */
export function errFields(err: unknown): { err: string; code?: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? { err: err.message, code } : { err: err.message };
  }
  return { err: String(err) };
}
