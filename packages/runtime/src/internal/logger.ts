// A pino logger writing JSON lines with secrets scrubbed from fields, child bindings and the finished line.

import { type DestinationStream, type Logger, pino } from "pino";
import type { Redactor } from "./redact.ts";

type ChildFn = Logger["child"];

/** What {@link createLogger} needs. */
export interface LoggerOptions {
  level: string;
  /** The `name` field of every line (`bosun-worker`). */
  name: string;
  /** The app's scrubbing rules. */
  redactor: Redactor;
}

/**
 * A pino logger that keeps secrets out of its lines: fields and child bindings go through
 * `scrubValue` (secret-named keys replaced, errors flattened), and every finished line through
 * `scrubText`, so a URL password or a token is removed wherever it sits (message, stack, binding).
 * Lines carry a level label and an ISO time. `destination` is for tests; stdout otherwise.
 */
export function createLogger(opts: LoggerOptions, destination?: DestinationStream): Logger {
  const { scrubText, scrubValue } = opts.redactor;
  const options = {
    level: opts.level,
    name: opts.name,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (obj: Record<string, unknown>) => scrubValue(obj) as Record<string, unknown>,
    },
    // scrubValue has already turned errors into plain { type, message, stack } objects.
    serializers: { err: (e: unknown) => e },
    hooks: { streamWrite: scrubText },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // pino skips the bindings formatter for children, so their bindings are scrubbed here; children
  // inherit this property, and `this` is whichever logger `child` is called on.
  const protoChild = Object.getPrototypeOf(logger).child as ChildFn;
  logger.child = function (this: Logger, bindings, childOpts) {
    return protoChild.call(this, scrubValue(bindings) as typeof bindings, childOpts);
  } as ChildFn;
  return logger;
}
