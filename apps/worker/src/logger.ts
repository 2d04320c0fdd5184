// The worker's pino logger: JSON lines on stdout, with secrets scrubbed from fields and messages.

import { createLogger as createRuntimeLogger } from "@bosun/runtime";
import type { DestinationStream, Logger } from "pino";
import { redactor } from "./redact.ts";

/** The shared scrubbing logger, named `bosun-worker`. `destination` is for tests; stdout otherwise. */
export function createLogger(
  opts: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  return createRuntimeLogger({ level: opts.level, name: opts.name ?? "bosun-worker", redactor }, destination);
}
