// The worker's pino logger: JSON lines on stdout, with secrets scrubbed from fields and messages.

import { type DestinationStream, type Logger, pino } from "pino";
import { scrubText, scrubValue } from "./redact.ts";

type ChildFn = Logger["child"];

/**
 * A pino logger that keeps secrets out of its lines: fields and child bindings go through
 * `scrubValue` (secret-named keys replaced, errors flattened), and every finished line through
 * `scrubText`, so a URL password is removed wherever it sits (message, stack, binding).
 * `destination` is for tests; stdout otherwise.
 */
export function createLogger(
  opts: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  const options = {
    level: opts.level,
    name: opts.name ?? "bosun-worker",
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
